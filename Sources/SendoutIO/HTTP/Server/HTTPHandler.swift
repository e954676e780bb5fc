import SendoutCore

/// What an HTTP server loop asks of the thing it serves: an answer for each complete request. The loop owns
/// sockets, parsing, limits (413/431/400/408), keep-alive, idle eviction and delayed writes; the handler only
/// decides. `sendout listen` is one handler; the mock API of `sendout serve` is another, on the same loop.
public protocol HTTPHandler: AnyObject, Sendable {
  /// The answer to `request` (called on the loop's thread; keep it quick, or delay the reply instead of blocking).
  func reply(to request: HTTPMessage) -> HTTPReply
  /// Bytes read from all connections, for diagnostics. Default: not counted.
  func count(bytes: Int)
  /// The answer the loop sends itself to a request it rejects before `reply(to:)` (400, 408, 413, 431, and 403 for a
  /// foreign `Host` on a guarded path); the connection is closed after it. Default: `{"error": reason}` as JSON.
  func rejection(status: Int, reason: String) -> HTTPReply
}

extension HTTPHandler {
  /// Does nothing: a handler that reports no byte count keeps no counter (and takes no lock on the read path).
  public func count(bytes: Int) {}

  /// `{"error": reason}` as JSON (what `sendout listen` answers).
  public func rejection(status: Int, reason: String) -> HTTPReply {
    let body: JSON = ["error": .string(reason)]
    return HTTPReply(
      status: status, headers: [HTTPHeader("content-type", "application/json")], body: body.compactBytes)
  }
}

/// A handler's answer: status, headers and body, written after `delayMilliseconds` without blocking the loop.
public struct HTTPReply: Sendable, Equatable {
  /// The status code.
  public var status: Int
  /// Headers in writing order (`content-length` is added by the serializer).
  public var headers: [HTTPHeader]
  /// The body (not sent for `HEAD`).
  public var body: [UInt8]
  /// How long to wait before writing it.
  public var delayMilliseconds: Int64

  /// Creates a reply.
  public init(status: Int, headers: [HTTPHeader] = [], body: [UInt8] = [], delayMilliseconds: Int64 = 0) {
    self.status = status
    self.headers = headers
    self.body = body
    self.delayMilliseconds = delayMilliseconds
  }
}
