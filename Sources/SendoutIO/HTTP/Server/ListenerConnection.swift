/// One accepted connection's state inside the listener loop (used only on the loop's thread).
final class ListenerConnection {
  /// A response waiting for its (delayed) time.
  struct Pending {
    var readyAt: Int64
    var bytes: [UInt8]
    var close: Bool
  }

  let fd: Int32
  var parser: HTTPParser
  var pending: [Pending] = []
  var outbound: [UInt8] = []
  var written = 0
  var lastActivity: Int64
  /// Increases with every read on any connection: the oldest idle connection has the lowest (ties-free,
  /// unlike `lastActivity` in milliseconds).
  var activityOrder = 0
  /// When the first byte of the request being read arrived: the read timeout counts from here, so a
  /// client trickling a byte at a time cannot keep a request open forever.
  var requestStartedAt: Int64?
  var stopReading = false
  var closeWhenFlushed = false
  var closed = false
  /// What the loop's `EventPoll` watches this connection for.
  var watched = EventPoll.Interest()
  /// Seen in the current wake-up of the loop (it is serviced at the end of it).
  var touched = false

  init(fd: Int32, limits: HTTPLimits, now: Int64) {
    self.fd = fd
    parser = HTTPParser(kind: .request, limits: limits)
    lastActivity = now
  }

  var hasUnsentOutput: Bool { written < outbound.count }

  /// When the request being read must be complete (first byte + `readTimeout`), or `nil` between requests.
  func requestDeadline(readTimeout: Int64) -> Int64? {
    guard parser.hasPartialMessage else { return nil }
    return (requestStartedAt ?? lastActivity) + readTimeout
  }

  /// Queues an answer for `readyAt`; one that is due with none waiting before it goes straight to the outbound buffer.
  func queue(_ bytes: [UInt8], readyAt: Int64, close: Bool, now: Int64) {
    guard pending.isEmpty, readyAt <= now else {
      return pending.append(Pending(readyAt: readyAt, bytes: bytes, close: close))
    }
    send(bytes, close: close)
  }

  /// Moves responses whose time has come into the outbound buffer, in order.
  func release(now: Int64) {
    while let first = pending.first, first.readyAt <= now {
      pending.removeFirst()
      send(first.bytes, close: first.close)
    }
  }

  private func send(_ bytes: [UInt8], close: Bool) {
    if written == outbound.count {
      outbound = bytes  // nothing unsent: the answer becomes the buffer, not copied into it
      written = 0
    } else {
      outbound += bytes
    }
    if close { closeWhenFlushed = true }
  }

  /// Writes what the socket accepts; returns `false` on a write error.
  func flush() -> Bool {
    while written < outbound.count {
      let n = Platform.write(fd, outbound, from: written)
      if n < 0 { return false }
      if n == 0 { return true }
      written += n
    }
    return true
  }

  /// Whether a client pipelining requests without reading the answers should wait (backpressure):
  /// 64 answers queued or 1 MiB unwritten.
  var isBackedUp: Bool { pending.count >= 64 || outbound.count - written >= 1 << 20 }

  /// Whether everything queued has been written.
  var isDrained: Bool { pending.isEmpty && !hasUnsentOutput }

  /// Whether the loop should watch for input: not after the last request, nor while the client is backed up.
  var wantsRead: Bool { !stopReading && !isBackedUp }

  /// The next time the loop must look at this connection though nothing arrives: a delayed answer is due, or, once
  /// every answer is out, the request being read times out or the connection has been idle too long (`.max`: none).
  /// Timeouts wait for the answers as the loop does: counting them earlier would wake it again and again for
  /// nothing while a delayed answer is pending.
  func deadline(readTimeout: Int64, idleTimeout: Int64) -> Int64 {
    if let first = pending.first { return first.readyAt }
    guard !hasUnsentOutput, !stopReading else { return .max }
    return requestDeadline(readTimeout: readTimeout) ?? lastActivity + idleTimeout
  }
}
