import SendoutCore

/// Writes the load client's requests into a reused buffer, byte for byte what `HTTPSerializer.request` writes for a
/// made sendout's headers and body, without making the sendout: the request line and `host` header are encoded
/// once, the body is copied once from the builder's, and the signature is computed over the body where it lies.
struct RequestWriter {
  /// `POST target HTTP/1.1\r\nhost: host\r\n`, encoded once.
  private let prefix: [UInt8]
  /// The signature field with a placeholder value, overwritten once the body is written.
  private static let signaturePlaceholder = HTTPHeader(
    VoucherifySignature.headerName, String(repeating: "0", count: 64))

  /// A writer for POSTs to `target` with `host`.
  init(target: String, host: String) { prefix = Array("POST \(target) HTTP/1.1\r\nhost: \(host)\r\n".utf8) }

  /// Replaces the contents of `out` (keeping its capacity) with the request for `sendout`; returns where its body
  /// starts.
  func write(_ sendout: SendoutBuilder.Lent, into out: inout [UInt8]) -> Int {
    out.removeAll(keepingCapacity: true)
    out.reserveCapacity(prefix.count + sendout.body.count + 256)
    out.append(contentsOf: prefix)
    HTTPSerializer.appendField(SendoutBuilder.Lent.contentType, to: &out)
    var signatureAt: Int?
    if sendout.signer != nil {
      HTTPSerializer.appendField(Self.signaturePlaceholder, to: &out)
      signatureAt = out.count - 2 - 64  // before the CRLF
    }
    HTTPSerializer.appendHeaders(sendout.trailing, bodyCount: sendout.body.count, to: &out)
    let bodyStart = out.count
    out.append(contentsOf: sendout.body)
    if let signer = sendout.signer, let signatureAt {
      out.withUnsafeMutableBufferPointer { request in
        signer.writeSignature(
          of: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: request[bodyStart...])),
          into: UnsafeMutableBufferPointer(rebasing: request[signatureAt..<signatureAt + 64]))
      }
    }
    return bodyStart
  }
}
