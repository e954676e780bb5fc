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

  /// Whether `signature` (any case, surrounding spaces ignored) matches `body`, compared in constant time.
  public func verify(_ signature: String, body: [UInt8]) -> Bool {
    let expected = Array(sign(body).utf8)
    let given = Array(signature.trimmingSpaces.lowercased().utf8)
    guard expected.count == given.count else { return false }
    var diff: UInt8 = 0
    for i in expected.indices { diff |= expected[i] ^ given[i] }
    return diff == 0
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
