/// Voucherify's webhook signature: header `x-voucherify-signature` = lowercase hex
/// HMAC-SHA256(secret as UTF-8, exact body bytes). No prefix, no timestamp.
/// Source: docs.voucherify.io/api-reference/introduction-to-webhooks (reference notes §1.1).
public struct VoucherifySignature: Sendable {
  /// The header name, lowercase as Voucherify sends it.
  public static let headerName = "x-voucherify-signature"

  private let hmac: HMACSHA256

  /// A signer for `secret`.
  public init(secret: String) { hmac = HMACSHA256(secret: secret) }

  /// The header value for `body`.
  public func sign(_ body: [UInt8]) -> String { hmac.hexMAC(body) }

  /// Writes the header value for `body` (64 hex digits) at `hex`, allocating nothing (the load client writes it
  /// from the stack into each request).
  public func writeSignature(of body: UnsafeRawBufferPointer, into hex: UnsafeMutableBufferPointer<UInt8>) {
    hmac.writeHexMAC(body, into: hex)
  }

  /// Whether `signature` (any case, surrounding spaces ignored) matches `body`, compared in constant time.
  /// The MAC's bytes are compared with the hex digits as given, without building strings (the listener verifies
  /// every request).
  public func verify(_ signature: String, body: [UInt8]) -> Bool {
    var text = signature
    return text.withUTF8 { utf8 in
      var start = 0
      var end = utf8.count
      while start < end, utf8[start] == 0x20 || utf8[start] == 0x09 { start += 1 }
      while end > start, utf8[end - 1] == 0x20 || utf8[end - 1] == 0x09 { end -= 1 }
      guard end - start == 64 else { return false }
      var diff: UInt8 = 0
      for (k, byte) in hmac.mac(body).enumerated() {
        let high = Self.nibble(utf8[start + 2 * k])
        let low = Self.nibble(utf8[start + 2 * k + 1])
        diff |= (high.value << 4 | low.value) ^ byte
        diff |= high.bad | low.bad
      }
      return diff == 0
    }
  }

  /// A hex digit's value (any case); `bad` is non-zero for any other byte.
  private static func nibble(_ c: UInt8) -> (value: UInt8, bad: UInt8) {
    switch c {
    case 0x30...0x39: (c - 0x30, 0)
    case 0x61...0x66: (c - 0x57, 0)
    case 0x41...0x46: (c - 0x37, 0)
    default: (0, 1)
    }
  }
}

extension String {
  /// The string without leading and trailing spaces and tabs.
  var trimmingSpaces: String {
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
    while let l = s.last, l == " " || l == "\t" { s.removeLast() }
    return String(s)
  }
}
