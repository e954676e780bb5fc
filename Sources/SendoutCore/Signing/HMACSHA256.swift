/// HMAC-SHA256 (RFC 2104), tested against RFC 4231 and Voucherify's documented vectors.
/// The key schedule is computed once, so signing many bodies with one secret costs two hashes each.
public struct HMACSHA256: Sendable {
  private let innerPad: [UInt8]
  private let outerPad: [UInt8]

  /// Prepares a signer for `key` (Voucherify uses the secret's UTF-8 bytes as-is).
  public init(key: [UInt8]) {
    var block = key.count > 64 ? SHA256.hash(key) : key
    block += [UInt8](repeating: 0, count: 64 - block.count)
    innerPad = block.map { $0 ^ 0x36 }
    outerPad = block.map { $0 ^ 0x5c }
  }

  /// Prepares a signer for a UTF-8 secret.
  public init(secret: String) { self.init(key: Array(secret.utf8)) }

  /// The 32-byte MAC of `message`.
  public func mac(_ message: [UInt8]) -> [UInt8] {
    var inner = SHA256()
    inner.update(innerPad)
    inner.update(message)
    var outer = SHA256()
    outer.update(outerPad)
    outer.update(inner.finalize())
    return outer.finalize()
  }

  /// The MAC as lowercase hex.
  public func hexMAC(_ message: [UInt8]) -> String { Hex.encode(mac(message)) }
}

/// Lowercase hexadecimal encoding.
public enum Hex {
  private static let digits = Array("0123456789abcdef".utf8)

  /// `[0xde, 0xad]` → `"dead"`.
  public static func encode(_ bytes: [UInt8]) -> String {
    var out = [UInt8]()
    out.reserveCapacity(bytes.count * 2)
    for byte in bytes {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 0xF)])
    }
    return String(decoding: out, as: UTF8.self)
  }
}
