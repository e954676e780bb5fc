// Linux epoll behind flat arrays; see CEventPoll.h.
#define _GNU_SOURCE  // ppoll
#include "CEventPoll.h"

#ifdef __linux__
#include <errno.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

int sendout_epoll_create(void) { return epoll_create1(EPOLL_CLOEXEC); }

int sendout_epoll_watch(int epfd, int fd, uint64_t key, int registered, int in, int out) {
  struct epoll_event event = {0};
  event.events = (in ? EPOLLIN | EPOLLRDHUP : 0) | (out ? EPOLLOUT : 0);
  event.data.u64 = key;
  if (!in && !out) return registered ? epoll_ctl(epfd, EPOLL_CTL_DEL, fd, &event) : 0;
  return epoll_ctl(epfd, registered ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, fd, &event);
}

// Set once the kernel said ENOSYS (or a test asked): from any thread, so read and written atomically.
static int no_pwait2;

void sendout_epoll_use_pwait2(int use) { __atomic_store_n(&no_pwait2, !use, __ATOMIC_RELAXED); }

enum { batch = 64 };

int sendout_epoll_wait(int epfd, uint64_t *keys, uint32_t *flags, int max, int64_t timeout_ns) {
  struct epoll_event events[batch];
  if (max > batch) max = batch;
  struct timespec spec = {.tv_sec = timeout_ns / 1000000000, .tv_nsec = timeout_ns % 1000000000};
  int n = -1, waited = 0;
#ifdef SYS_epoll_pwait2
  if (!__atomic_load_n(&no_pwait2, __ATOMIC_RELAXED) && timeout_ns > 0) {
    n = (int)syscall(SYS_epoll_pwait2, epfd, events, max, &spec, NULL, 0);
    waited = !(n < 0 && errno == ENOSYS);
    if (!waited) __atomic_store_n(&no_pwait2, 1, __ATOMIC_RELAXED);
  }
#endif
  if (!waited && timeout_ns > 0 && timeout_ns % 1000000 != 0) {
    // Without epoll_pwait2, a timeout finer than a millisecond: ppoll on the epoll descriptor itself (readable when
    // any registered one is ready), then take the ready list.
    struct pollfd one = {.fd = epfd, .events = POLLIN};
    (void)ppoll(&one, 1, &spec, NULL);
    n = epoll_wait(epfd, events, max, 0);
  } else if (!waited) {
    n = epoll_wait(epfd, events, max, timeout_ns < 0 ? -1 : (int)(timeout_ns / 1000000));
  }
  for (int i = 0; i < n; i++) {
    uint32_t e = events[i].events;
    keys[i] = events[i].data.u64;
    flags[i] = ((e & (EPOLLIN | EPOLLRDHUP)) ? SENDOUT_EPOLL_IN : 0) | ((e & EPOLLOUT) ? SENDOUT_EPOLL_OUT : 0) |
               ((e & (EPOLLHUP | EPOLLERR)) ? SENDOUT_EPOLL_FAILED : 0);
  }
  return n;
}
#endif
