import SendoutCore
import Testing

/// Voucherify's documented signature vectors (secret `secretKey`, hex HMAC-SHA256 of the exact body bytes).
@Suite struct VoucherifySignatureTests {
  static let signer = VoucherifySignature(secret: "secretKey")

  @Test(arguments: [
    (#"{"a":1}"#, "a17d2ac229d1ebbb5f10e839c7985c4818e5986eab297f7e5979196d4d7d3ed2"),
    (#"{"a\"b":1}"#, "f7cf97814a03146abedb9793f56e1dec34f618f82d10395310d053f749483ffb"),
    ("  message  ", "53ff92957e1427ce23ad5bda9d0c5f2f4ff384d0806b83eeacb510c842d3a358"),
  ])
  func documentedVectors(_ body: String, _ signature: String) {
    #expect(Self.signer.sign(Array(body.utf8)) == signature)
    #expect(Self.signer.verify(signature, body: Array(body.utf8)))
  }

  @Test func headerNameIsLowercase() {
    #expect(VoucherifySignature.headerName == "x-voucherify-signature")
  }

  static let body = Array(#"{"a":1}"#.utf8)
  static let good = "a17d2ac229d1ebbb5f10e839c7985c4818e5986eab297f7e5979196d4d7d3ed2"

  @Test(arguments: [
    good, good.uppercased(), " \(good)", "\(good)\t", "\t \(good)  ",
  ])
  func verifyAccepts(_ signature: String) {
    #expect(Self.signer.verify(signature, body: Self.body))
  }

  @Test(arguments: [
    "", "a17d", String(good.dropLast()), good + "0", "0" + good.dropFirst(), String(good.dropLast()) + "3",
    "sha256=" + good, String(repeating: "0", count: 64), good.replacingOccurrences(of: "a", with: "b"),
    // not hex, in the place of a "0" (whose value the byte-wise compare would otherwise match)
    good.replacingOccurrences(of: "0", with: "g"), good.replacingOccurrences(of: "0", with: ":"),
  ])
  func verifyRejects(_ signature: String) {
    #expect(!Self.signer.verify(signature, body: Self.body))
  }

  @Test func verifyRejectsAnotherBodyOrSecret() {
    #expect(!Self.signer.verify(Self.good, body: Array(#"{"a":1} "#.utf8)))
    #expect(!Self.signer.verify(Self.good, body: Array(#"{"a": 1}"#.utf8)))
    #expect(!VoucherifySignature(secret: "secretkey").verify(Self.good, body: Self.body))
  }

  /// Every single-character change of a valid signature is rejected (the comparison looks at all bytes).
  @Test func everyPositionCounts() {
    let chars = Array(Self.good)
    for i in chars.indices {
      var changed = chars
      changed[i] = changed[i] == "0" ? "1" : "0"
      #expect(!Self.signer.verify(String(changed), body: Self.body), "position \(i)")
    }
  }
}
