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
    HTTPSerializer.appendHeaders(headers, bodyCount: body.count, to: &out)
    out.append(contentsOf: body)
  }
}
