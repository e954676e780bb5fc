import SendoutCore

/// One keep-alive connection of the load client and the request on it, if any.
struct ClientConnection {
  enum State: Equatable {
    /// No socket; may reconnect at `retryAt` (ns since the run started).
    case closed(retryAt: Int64)
    /// Non-blocking connect in progress since `since`.
    case connecting(since: Int64)
    /// Connected, no request on it.
    case idle
    /// Writing a request; `offset` bytes of `request` are sent.
    case writing
    /// Request sent, reading the response.
    case awaiting
  }

  var fd: Int32 = -1
  /// Which of the target's addresses it connects (or last connected) to; kept across reconnects.
  var address = 0
  /// Addresses refused in a row since it last connected (all of them: the target is down).
  var addressesFailed = 0
  var state = State.closed(retryAt: 0)
  /// The current request, kept after it is written (the audit log records its id and body with the response),
  /// or the last one: its buffer is reused.
  var request = PreparedRequest()
  /// How many bytes of the request are written.
  var offset = 0
  var parser = HTTPParser(kind: .response)
  /// When the current request was actually sent (ns since start): for its timeout.
  var sentAt: Int64 = 0
  /// Where its latency is measured from: the intended send time (open loop) or `sentAt` (closed loop).
  var measuredFrom: Int64 = 0
  /// What the worker's `EventPoll` watches the socket for.
  var watched = EventPoll.Interest()

  /// Whether a request is on the connection.
  var busy: Bool { state == .writing || state == .awaiting }

  /// Closes the socket; it may reconnect at `retryAt`.
  mutating func close(retryAt: Int64) {
    Platform.close(fd)  // which takes it out of the poll set
    fd = -1
    watched = EventPoll.Interest()
    state = .closed(retryAt: retryAt)
    offset = 0
    parser = HTTPParser(kind: .response)
  }
}
