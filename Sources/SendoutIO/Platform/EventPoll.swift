import CEventPoll

/// An `epoll` instance: descriptors are registered once with what to watch them for, and a wait returns only those
/// that are ready. `poll` over every connection on every wake-up cost `sendout listen` a tenth of its CPU under wrk
/// (each call hooks every descriptor into its wait queue and unhooks it again). Level-triggered, so a
/// descriptor stays ready until its input is read or its output room used, as with `poll`. Used on one thread.
final class EventPoll {
  /// One ready descriptor from the last wait.
  struct Event {
    /// What the descriptor was registered with (`watch`'s `key`).
    var key: Int
    /// Input, end of input or an error is pending.
    var readable: Bool
    /// The descriptor can take more output (a connect finished), or it failed.
    var writable: Bool
  }

  private let epfd: Int32
  private static let capacity = 64
  private var keys = [UInt64](repeating: 0, count: EventPoll.capacity)
  private var flags = [UInt32](repeating: 0, count: EventPoll.capacity)
  /// How many descriptors the last wait found ready.
  private(set) var count = 0

  /// A new instance; `nil` when the system has none to give (out of descriptors).
  init?() {
    epfd = sendout_epoll_create()
    guard epfd >= 0 else { return nil }
  }

  deinit { Platform.close(epfd) }

  /// What a descriptor is watched for; neither: it is not in the set.
  struct Interest: Equatable {
    var read = false
    var write = false
  }

  /// Watches `fd` for `wanted` instead of `current` (what it is watched for now), which it then updates; a wait reports
  /// it by `key`. Neither: it leaves the set, so a hung-up descriptor nobody reads cannot spin the loop. No system call
  /// when nothing changes. Returns `false` when the kernel refused (out of memory).
  func watch(_ fd: Int32, key: Int, _ current: inout Interest, as wanted: Interest) -> Bool {
    guard wanted != current else { return true }
    let registered = current != Interest()
    let status = sendout_epoll_watch(
      epfd, fd, UInt64(bitPattern: Int64(key)), registered ? 1 : 0, wanted.read ? 1 : 0, wanted.write ? 1 : 0)
    guard status == 0 else { return false }
    current = wanted
    return true
  }

  /// Waits up to `timeoutMilliseconds` (0: just check) for registered descriptors to be ready.
  func wait(timeoutMilliseconds: Int32) { wait(timeoutNanoseconds: Int64(max(0, timeoutMilliseconds)) * 1_000_000) }

  /// Waits up to `timeoutNanoseconds` (0: just check), to the nanosecond where the kernel can (Linux 5.11), so an
  /// open-loop generator sleeps until a request is due instead of spinning.
  func wait(timeoutNanoseconds: Int64) {
    let n = sendout_epoll_wait(epfd, &keys, &flags, Int32(Self.capacity), max(0, timeoutNanoseconds))
    count = max(0, Int(n))
  }

  /// The `i`th ready descriptor of the last wait (`0..<count`).
  subscript(i: Int) -> Event {
    let bits = flags[i]
    let failed = bits & UInt32(SENDOUT_EPOLL_FAILED) != 0
    return Event(
      key: Int(Int64(bitPattern: keys[i])),
      readable: failed || bits & UInt32(SENDOUT_EPOLL_IN) != 0,
      writable: failed || bits & UInt32(SENDOUT_EPOLL_OUT) != 0)
  }
}
