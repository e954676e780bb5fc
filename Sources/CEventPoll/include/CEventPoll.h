#ifndef CEVENTPOLL_H
#define CEVENTPOLL_H

#include <stdint.h>

// Linux epoll for SendoutIO's event loops, with flat arrays instead of the packed `struct epoll_event` (which the
// Glibc module does not export). Each returns what the system call does: -1 with errno set on failure.

/// Bits of `sendout_epoll_wait`'s flags.
enum {
  SENDOUT_EPOLL_IN = 1,      // input, or the peer shut down its side (EPOLLIN | EPOLLRDHUP)
  SENDOUT_EPOLL_OUT = 2,     // room to write (EPOLLOUT)
  SENDOUT_EPOLL_FAILED = 4,  // hung up or failed (EPOLLHUP | EPOLLERR)
};

/// A new epoll instance (close-on-exec).
int sendout_epoll_create(void);

/// Adds `fd` to the set (`registered` 0) or changes what it is watched for, or, with neither `in` nor `out`, removes it
/// (`registered` 1). A wait reports it by `key`.
int sendout_epoll_watch(int epfd, int fd, uint64_t key, int registered, int in, int out);

/// Waits up to `timeout_ns` nanoseconds (negative: no limit) for at most `max` ready descriptors; fills their `keys`
/// and `flags` (SENDOUT_EPOLL_* bits). Uses epoll_pwait2's nanosecond timeout (Linux 5.11) when the kernel has it;
/// else a timeout in whole milliseconds goes to epoll_wait, a finer one to ppoll on the epoll descriptor first.
int sendout_epoll_wait(int epfd, uint64_t *keys, uint32_t *flags, int max, int64_t timeout_ns);

/// Whether waits may use epoll_pwait2 (the default; turned off for good once the kernel says it has none). Tests turn
/// it off to check the older kernels' path.
void sendout_epoll_use_pwait2(int use);

#endif
