import CEventPoll
import Testing

@testable import SendoutIO

/// `EventPoll`, the epoll set under the server's and the load generator's loops: a descriptor is reported by its key
/// while it is ready and watched for that, and no longer once it leaves the set; a timeout in nanoseconds is kept,
/// with epoll_pwait2 and on the path of kernels without it (serialized: that switch is process-wide).
@Suite(.serialized) struct EventPollTests {
  /// Runs `body` with a new epoll set watching the read end of a new pipe for input under `key` (what it is watched
  /// for in `watched`), then closes the pipe.
  private func withWatchedPipe(
    key: Int,
    _ body: (EventPoll, _ readEnd: Int32, _ writeEnd: Int32, _ watched: inout EventPoll.Interest) throws -> Void
  ) throws {
    let poll = try #require(EventPoll())
    let (readEnd, writeEnd) = Platform.makeWakePipe()
    defer {
      Platform.close(readEnd)
      Platform.close(writeEnd)
    }
    var watched = EventPoll.Interest()
    #expect(poll.watch(readEnd, key: key, &watched, as: .init(read: true)))
    #expect(watched == .init(read: true))
    try body(poll, readEnd, writeEnd, &watched)
  }

  @Test func aWatchedDescriptorIsReportedByItsKeyWhileReady() throws {
    try withWatchedPipe(key: 7) { poll, readEnd, writeEnd, watched in
      poll.wait(timeoutMilliseconds: 0)
      #expect(poll.count == 0, "nothing written yet")

      Platform.wake(writeEnd)
      poll.wait(timeoutMilliseconds: 0)
      #expect(poll.count == 1)
      let event = poll[0]
      #expect(event.key == 7 && event.readable && !event.writable)
      poll.wait(timeoutMilliseconds: 0)
      #expect(poll.count == 1, "level-triggered: still ready until read")

      #expect(poll.watch(readEnd, key: 7, &watched, as: .init()))
      poll.wait(timeoutMilliseconds: 0)
      #expect(poll.count == 0, "out of the set")
      #expect(poll.watch(readEnd, key: 8, &watched, as: .init(read: true)), "and back in")
      poll.wait(timeoutMilliseconds: 0)
      #expect(poll.count == 1 && poll[0].key == 8)
    }
  }

  @Test func writeInterestAndAFailureAreReported() throws {
    let poll = try #require(EventPoll())
    let (readEnd, writeEnd) = Platform.makeWakePipe()
    defer { Platform.close(writeEnd) }
    var watched = EventPoll.Interest()
    #expect(poll.watch(writeEnd, key: 1, &watched, as: .init(write: true)))
    poll.wait(timeoutMilliseconds: 0)
    #expect(poll.count == 1 && poll[0].writable && !poll[0].readable)
    #expect(poll.watch(writeEnd, key: 1, &watched, as: .init(read: true)))
    poll.wait(timeoutMilliseconds: 0)
    #expect(poll.count == 0, "a write end is never readable")
    Platform.close(readEnd)  // the reader is gone: an error for the writer, reported as both
    poll.wait(timeoutMilliseconds: 0)
    #expect(poll.count == 1 && poll[0].readable && poll[0].writable)
  }

  @Test func aDescriptorTheKernelCannotWatchIsRefusedAndLeftUnchanged() throws {
    let poll = try #require(EventPoll())
    var watched = EventPoll.Interest()
    #expect(!poll.watch(-1, key: 0, &watched, as: .init(read: true)))
    #expect(watched == .init())
  }

  @Test(arguments: [true, false])
  func nanosecondTimeoutsAreWaitedOutAndEndEarlyWhenReady(pwait2: Bool) throws {
    sendout_epoll_use_pwait2(pwait2 ? 1 : 0)
    defer { sendout_epoll_use_pwait2(1) }
    try withWatchedPipe(key: 3) { poll, _, writeEnd, _ in
      for timeout: Int64 in [3_000_000, 2_500_000] {  // whole milliseconds, and finer
        let started = Platform.monotonicNanoseconds()
        poll.wait(timeoutNanoseconds: timeout)
        let waited = Platform.monotonicNanoseconds() - started
        #expect(poll.count == 0)
        #expect(waited >= timeout, "\(waited) ns for \(timeout)")
      }
      Platform.wake(writeEnd)
      let started = Platform.monotonicNanoseconds()
      poll.wait(timeoutNanoseconds: 500_000_000)
      #expect(poll.count == 1 && poll[0].key == 3)
      #expect(Platform.monotonicNanoseconds() - started < 400_000_000, "ready at once, not after the timeout")
    }
  }
}
