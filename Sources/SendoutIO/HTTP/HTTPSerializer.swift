import SendoutCore

/// Writes HTTP/1.1 messages: always with `content-length`, headers in the given order. Byte by byte into one
/// buffer sized up front: the listener and `serve` write a response for every request.
public enum HTTPSerializer {
  /// A request: `METHOD target HTTP/1.1`, `host`, the given headers, `content-length`, body.
  public static func request(
    method: String = "POST", target: String, host: String, headers: [HTTPHeader], body: [UInt8]
  ) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(96 + method.utf8.count + target.utf8.count + host.utf8.count + size(of: headers) + body.count)
    out.append(contentsOf: method.utf8)
    out.append(0x20)
    out.append(contentsOf: target.utf8)
    out.append(contentsOf: " HTTP/1.1\r\nhost: ".utf8)
    out.append(contentsOf: host.utf8)
    out.append(contentsOf: crlf)
    appendHeaders(headers, bodyCount: body.count, to: &out)
    out.append(contentsOf: body)
    return out
  }

  /// A response: status line, the given headers, `content-length`, `connection: close` when not keeping alive, body.
  /// For a `HEAD` request (`headOnly`) the head is the same, `content-length` included, but no body follows.
  public static func response(
    status: Int, headers: [HTTPHeader] = [], body: [UInt8] = [], keepAlive: Bool = true, headOnly: Bool = false
  ) -> [UInt8] {
    let reason = reasonPhrase(status)
    var out: [UInt8] = []
    out.reserveCapacity(112 + reason.utf8.count + size(of: headers) + (headOnly ? 0 : body.count))
    out.append(contentsOf: "HTTP/1.1 ".utf8)
    appendDecimal(status, to: &out)
    out.append(0x20)
    out.append(contentsOf: reason.utf8)
    out.append(contentsOf: crlf)
    appendFields(headers, to: &out)
    if !keepAlive { out.append(contentsOf: "connection: close\r\n".utf8) }
    appendContentLength(body.count, to: &out)
    if !headOnly { out.append(contentsOf: body) }
    return out
  }

  /// Appends `headers` (any `content-length` among them dropped), then `content-length: bodyCount` and the blank line
  /// that ends the head.
  static func appendHeaders(_ headers: [HTTPHeader], bodyCount: Int, to out: inout [UInt8]) {
    appendFields(headers, to: &out)
    appendContentLength(bodyCount, to: &out)
  }

  private static func appendFields(_ headers: [HTTPHeader], to out: inout [UInt8]) {
    for header in headers where !isContentLength(header.name) { appendField(header, to: &out) }
  }

  /// Appends `name: value` and CRLF.
  static func appendField(_ header: HTTPHeader, to out: inout [UInt8]) {
    var value = header.value
    value.withUTF8 { appendField(name: header.name, value: $0, to: &out) }
  }

  /// Appends `name: `, the bytes of `value`, and CRLF.
  static func appendField(name: String, value: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
    append(name, to: &out)
    out.append(0x3A)  // ':'
    out.append(0x20)
    out.append(contentsOf: value)
    out.append(contentsOf: crlf)
  }

  private static func appendContentLength(_ bodyCount: Int, to out: inout [UInt8]) {
    out.append(contentsOf: contentLength)
    appendDecimal(bodyCount, to: &out)
    out.append(contentsOf: crlf)
    out.append(contentsOf: crlf)
  }

  /// Appends `text`'s UTF-8 in one copy (a small string's bytes are not contiguous: appending its `utf8` view went
  /// byte by byte).
  private static func append(_ text: String, to out: inout [UInt8]) {
    var text = text
    text.withUTF8 { out.append(contentsOf: $0) }
  }

  /// The bytes the fields of `headers` take at most (the callers add the head's fixed parts, `content-length` with them).
  private static func size(of headers: [HTTPHeader]) -> Int {
    headers.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count + 4 }
  }

  private static let crlf: [UInt8] = [0x0D, 0x0A]
  private static let contentLength = Array("content-length: ".utf8)

  /// `name` equals `content-length` ignoring ASCII case (the field the serializer drops and writes itself).
  static func isContentLength(_ name: String) -> Bool { HTTPHead.sameName(name, "content-length") }

  /// `value` in decimal, without a `String` in between.
  static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
    guard value >= 0 else { return out.append(contentsOf: String(value).utf8) }
    if value >= 10 { appendDecimal(value / 10, to: &out) }
    out.append(UInt8(truncatingIfNeeded: 0x30 + value % 10))
  }

  /// The standard reason phrase for `status` (empty when unknown, which HTTP allows).
  public static func reasonPhrase(_ status: Int) -> String {
    switch status {
    case 200: "OK"
    case 201: "Created"
    case 202: "Accepted"
    case 204: "No Content"
    case 301: "Moved Permanently"
    case 302: "Found"
    case 400: "Bad Request"
    case 401: "Unauthorized"
    case 403: "Forbidden"
    case 404: "Not Found"
    case 405: "Method Not Allowed"
    case 408: "Request Timeout"
    case 410: "Gone"
    case 413: "Content Too Large"
    case 429: "Too Many Requests"
    case 431: "Request Header Fields Too Large"
    case 500: "Internal Server Error"
    case 501: "Not Implemented"
    case 502: "Bad Gateway"
    case 503: "Service Unavailable"
    case 504: "Gateway Timeout"
    default: ""
    }
  }
}
