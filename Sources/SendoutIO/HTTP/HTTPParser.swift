import CByteScan
import SendoutCore

/// An incremental HTTP/1.1 parser for requests (the listener) or responses (a socket client): feed it
/// bytes as they arrive, in any split, and take complete messages out. Handles keep-alive (several
/// messages per connection, pipelined or not), `Content-Length` and chunked bodies, and enforces `HTTPLimits`.
///
/// Request smuggling guards: `Transfer-Encoding` together with `Content-Length`, differing
/// `Content-Length` values, and transfer codings other than `chunked` are rejected.
public struct HTTPParser: Sendable {
  /// What the parser reads.
  public enum Kind: Sendable { case request, response }

  enum State: Sendable, Equatable {
    case head
    case body(remaining: Int)
    case chunkSize
    case chunkData(remaining: Int)
    case chunkDataEnd
    case trailers
    case untilClose
  }

  /// Requests or responses.
  public let kind: Kind
  /// The limits enforced.
  public let limits: HTTPLimits
  /// For a client: set before parsing the response to a HEAD request (it has no body).
  public var nextResponseIsToHEAD = false

  var buffer: [UInt8] = []
  var position = 0
  var scanFrom = 0
  var state = State.head
  var head: HTTPHead?
  var body: [UInt8] = []
  var chunked = false
  var continueRequested = false

  /// A parser for `kind` with `limits`.
  public init(kind: Kind, limits: HTTPLimits = HTTPLimits()) {
    self.kind = kind
    self.limits = limits
  }

  /// Adds bytes read from the connection.
  public mutating func feed<C: Collection>(_ bytes: C) where C.Element == UInt8 {
    if position > 0 && position == buffer.count {
      buffer.removeAll(keepingCapacity: true)
      scanFrom = 0
      position = 0
    } else if position > 65_536 && position * 2 > buffer.count {
      buffer.removeFirst(position)
      scanFrom = max(0, scanFrom - position)
      position = 0
    }
    buffer.append(contentsOf: bytes)
  }

  /// For a server: whether the request being read asked for `100 Continue` before sending its body.
  /// Returns `true` once per request; the server then writes `HTTP/1.1 100 Continue`.
  public mutating func takeContinueRequest() -> Bool {
    defer { continueRequested = false }
    return continueRequested
  }

  /// Whether part of a message has been received but not all of it.
  public var hasPartialMessage: Bool { state != .head || position < buffer.count }

  /// The next complete message, or `nil` until more bytes arrive.
  public mutating func next() throws(HTTPParseError) -> HTTPMessage? {
    while true {
      switch state {
      case .head:
        guard try parseHead() else { return nil }
      case .body(let remaining):
        let take = min(remaining, buffer.count - position)
        body.append(contentsOf: buffer[position..<(position + take)])
        position += take
        if take < remaining {
          state = .body(remaining: remaining - take)
          return nil
        }
        return complete()
      case .chunkSize:
        guard let line = try readLine(limit: 1024) else { return nil }
        guard let size = Self.chunkSize(line) else {
          throw .malformed("bad chunk size '\(TerminalText.escape(String(decoding: line.prefix(40), as: UTF8.self)))'")
        }
        guard body.count + size <= limits.maxBodyBytes else { throw .bodyTooLarge(limit: limits.maxBodyBytes) }
        state = size == 0 ? .trailers : .chunkData(remaining: size)
      case .chunkData(let remaining):
        let take = min(remaining, buffer.count - position)
        body.append(contentsOf: buffer[position..<(position + take)])
        position += take
        if take < remaining {
          state = .chunkData(remaining: remaining - take)
          return nil
        }
        state = .chunkDataEnd
      case .chunkDataEnd:
        guard buffer.count - position >= 2 else { return nil }
        guard buffer[position] == 0x0D, buffer[position + 1] == 0x0A else {
          throw .malformed("chunk data not followed by CRLF")
        }
        position += 2
        state = .chunkSize
      case .trailers:
        guard let line = try readLine(limit: limits.maxHeadBytes) else { return nil }
        if line.isEmpty { return complete() }
      case .untilClose:
        body.append(contentsOf: buffer[position...])
        position = buffer.count
        guard body.count <= limits.maxBodyBytes else { throw .bodyTooLarge(limit: limits.maxBodyBytes) }
        return nil
      }
    }
  }

  /// Call at end of input: completes a response delimited by the connection closing, throws
  /// `incomplete` if a message was cut off, else returns `nil`.
  public mutating func finish() throws(HTTPParseError) -> HTTPMessage? {
    if state == .untilClose { return complete() }
    if hasPartialMessage { throw .incomplete }
    return nil
  }

  /// The size of a chunk-size line (`1a`, `1a;ext=v`, `1a  ;ext`): 1–15 hex digits, nothing else, so the
  /// value is 0...2^60 and never negative (`-1`, `+1`, `0x1`, `1 0` are malformed).
  static func chunkSize(_ line: ArraySlice<UInt8>) -> Int? {
    var digits = line.prefix { $0 != UInt8(ascii: ";") }
    while let last = digits.last, last == 0x20 || last == 0x09 { digits.removeLast() }
    guard !digits.isEmpty, digits.count <= 15 else { return nil }
    var size = 0
    for byte in digits {
      let value: Int
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): value = Int(byte) - 48
      case UInt8(ascii: "a")...UInt8(ascii: "f"): value = Int(byte) - 87
      case UInt8(ascii: "A")...UInt8(ascii: "F"): value = Int(byte) - 55
      default: return nil
      }
      size = size << 4 | value
    }
    return size
  }

  private mutating func complete() -> HTTPMessage? {
    guard let head else { return nil }
    continueRequested = false  // the body is here: a 100 Continue now would follow the final answer
    let message = HTTPMessage(head: head, body: body, wasChunked: chunked)
    self.head = nil
    body = []
    chunked = false
    state = .head
    nextResponseIsToHEAD = false
    return message
  }

  private mutating func readLine(limit: Int) throws(HTTPParseError) -> ArraySlice<UInt8>? {
    let from = position
    let end = buffer.withUnsafeBufferPointer { bytes in
      guard let base = bytes.baseAddress, from < bytes.count else { return bytes.count }
      return sendout_find_crlf(base, from, bytes.count)
    }
    if end < buffer.count {
      let line = buffer[position..<end]
      position = end + 2
      return line
    }
    if buffer.count - position > limit { throw .malformed("line longer than \(limit) bytes") }
    return nil
  }
}
