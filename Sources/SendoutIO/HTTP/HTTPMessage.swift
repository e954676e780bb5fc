/// One complete HTTP/1.x message: head and decoded body (chunked framing removed).
public struct HTTPMessage: Sendable, Equatable {
  /// Start line and headers.
  public var head: HTTPHead
  /// The body bytes.
  public var body: [UInt8]
  /// Whether the body arrived chunked.
  public var wasChunked: Bool

  /// Creates a message.
  public init(head: HTTPHead, body: [UInt8], wasChunked: Bool = false) {
    self.head = head
    self.body = body
    self.wasChunked = wasChunked
  }
}
