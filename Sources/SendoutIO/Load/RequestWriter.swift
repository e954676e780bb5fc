import SendoutCore

/// Writes the load client's requests into a reused buffer, byte for byte what `HTTPSerializer.request` writes for a
/// made sendout's headers and body, without making the sendout: the request line and `host` header are encoded
/// once, the signature is written from the stack, and the body is copied once from the builder's.
struct RequestWriter {
  /// `POST target HTTP/1.1\r\nhost: host\r\n`, encoded once.
  private let prefix: [UInt8]

  /// A writer for POSTs to `target` with `host`.
  init(target: String, host: String) { prefix = Array("POST \(target) HTTP/1.1\r\nhost: \(host)\r\n".utf8) }

  /// Replaces the contents of `out` (keeping its capacity) with the request for `sendout`; returns where its body
  /// starts.
  func write(_ sendout: SendoutBuilder.Lent, into out: inout [UInt8]) -> Int {
    out.removeAll(keepingCapacity: true)
    out.reserveCapacity(prefix.count + sendout.body.count + 256)
    out.append(contentsOf: prefix)
    HTTPSerializer.appendField(SendoutBuilder.Lent.contentType, to: &out)
    if let signer = sendout.signer {
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { hex in
        signer.writeSignature(of: sendout.body, into: hex)
        HTTPSerializer.appendField(name: VoucherifySignature.headerName, value: UnsafeBufferPointer(hex), to: &out)
      }
    }
    HTTPSerializer.appendHeaders(sendout.trailing, bodyCount: sendout.body.count, to: &out)
    let bodyStart = out.count
    out.append(contentsOf: sendout.body)
    return bodyStart
  }
}
