import SendoutCore

/// Writes the load client's requests into a reused buffer, byte for byte what `HTTPSerializer.request`
/// writes, without the per-request string work: the request line and `host` header are encoded once.
struct RequestWriter {
  /// `POST target HTTP/1.1\r\nhost: host\r\n`, encoded once.
  private let prefix: [UInt8]

  /// A writer for POSTs to `target` with `host`.
  init(target: String, host: String) { prefix = Array("POST \(target) HTTP/1.1\r\nhost: \(host)\r\n".utf8) }

  /// Replaces the contents of `out` (keeping its capacity) with the request for `headers` and `body`.
  func write(headers: [HTTPHeader], body: [UInt8], into out: inout [UInt8]) {
    out.removeAll(keepingCapacity: true)
    out.reserveCapacity(prefix.count + body.count + 256)
    out.append(contentsOf: prefix)
    for header in headers where !Self.isContentLength(header.name) {
      out.append(contentsOf: header.name.utf8)
      out.append(0x3A)  // ':'
      out.append(0x20)
      out.append(contentsOf: header.value.utf8)
      out.append(0x0D)
      out.append(0x0A)
    }
    out.append(contentsOf: Self.contentLength)
    Self.appendDecimal(body.count, to: &out)
    out.append(contentsOf: [0x0D, 0x0A, 0x0D, 0x0A])
    out.append(contentsOf: body)
  }

  private static let contentLength = Array("content-length: ".utf8)

  /// `name` equals `content-length` ignoring ASCII case (what `HTTPSerializer` drops and writes itself).
  static func isContentLength(_ name: String) -> Bool {
    var utf8 = name.utf8.makeIterator()
    for expected in contentLength.prefix(14) {
      guard let byte = utf8.next() else { return false }
      let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
      guard lower == expected else { return false }
    }
    return utf8.next() == nil
  }

  private static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
    if value >= 10 { appendDecimal(value / 10, to: &out) }
    out.append(UInt8(truncatingIfNeeded: 0x30 + value % 10))
  }
}
