// swift-format-ignore-file: NeverForceUnwrap

// Test code: a force unwrap of a literal or a fixture is the clearest assertion that it is well-formed.
import SendoutCore
import Testing

/// RFC 4231 §4 test cases 1–7 for HMAC-SHA-256.
@Suite struct HMACSHA256Tests {
  static func bytes(_ hex: String) -> [UInt8] {
    var out: [UInt8] = []
    var i = hex.startIndex
    while i < hex.endIndex {
      let j = hex.index(i, offsetBy: 2)
      out.append(UInt8(hex[i..<j], radix: 16)!)
      i = j
    }
    return out
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var number: Int
    var key: [UInt8]
    var data: [UInt8]
    var mac: String
    var testDescription: String { "RFC 4231 test case \(number)" }
  }

  static let cases: [Case] = [
    Case(
      number: 1, key: [UInt8](repeating: 0x0b, count: 20), data: Array("Hi There".utf8),
      mac: "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
    Case(
      number: 2, key: Array("Jefe".utf8), data: Array("what do ya want for nothing?".utf8),
      mac: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
    Case(
      number: 3, key: [UInt8](repeating: 0xaa, count: 20), data: [UInt8](repeating: 0xdd, count: 50),
      mac: "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
    Case(
      number: 4, key: bytes("0102030405060708090a0b0c0d0e0f10111213141516171819"),
      data: [UInt8](repeating: 0xcd, count: 50),
      mac: "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
    // Case 5: the RFC gives only the first 128 bits of the output.
    Case(
      number: 5, key: [UInt8](repeating: 0x0c, count: 20), data: Array("Test With Truncation".utf8),
      mac: "a3b6167473100ee06e0c796c2955552b"),
    Case(
      number: 6, key: [UInt8](repeating: 0xaa, count: 131),
      data: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
      mac: "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
    Case(
      number: 7, key: [UInt8](repeating: 0xaa, count: 131),
      data: Array(
        ("This is a test using a larger than block-size key and a larger than block-size data. "
          + "The key needs to be hashed before being used by the HMAC algorithm.").utf8),
      mac: "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
  ]

  @Test(arguments: cases)
  func rfc4231(_ c: Case) {
    #expect(HMACSHA256(key: c.key).hexMAC(c.data).hasPrefix(c.mac))
    #expect(HMACSHA256(key: c.key).mac(c.data).count == 32)
  }

  /// Keys at the block-size edge and the empty key; values from Python's `hmac.new(key, b"msg", hashlib.sha256)`.
  @Test(arguments: [
    ([UInt8](repeating: 0x42, count: 64), "msg", "8629d92fd1700d64219e9baf566b72cc35ea93603b94d847e940f9c91672d8bf"),
    ([UInt8](repeating: 0x42, count: 65), "msg", "7b77d771c7e2260ed3dc8bb121060624c6b517d2939dba28689672c15f8c3275"),
    ([], "", "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad"),
  ])
  func blockSizeEdges(_ key: [UInt8], _ message: String, _ mac: String) {
    #expect(HMACSHA256(key: key).hexMAC(Array(message.utf8)) == mac)
  }

  @Test func signerIsReusable() {
    let signer = HMACSHA256(secret: "Jefe")
    let first = signer.hexMAC(Array("what do ya want for nothing?".utf8))
    _ = signer.hexMAC(Array("something else".utf8))
    #expect(signer.hexMAC(Array("what do ya want for nothing?".utf8)) == first)
  }

  /// The signer compresses the body in place and pads its tail on the stack, from the pad states computed once: the
  /// same MAC as RFC 2104 written over the streaming hash, for every length across the padding edges (55/56 and
  /// 63/64 bytes into a block) and keys around the block size.
  @Test func resumedPadStatesEqualTheTextbookConstruction() {
    for keyLength in [0, 1, 32, 63, 64, 65, 131] {
      let key = (0..<keyLength).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 1) }
      var block = key.count > 64 ? SHA256.hash(key) : key
      block += [UInt8](repeating: 0, count: 64 - block.count)
      let signer = HMACSHA256(key: key)
      for length in 0...300 {
        let message = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ keyLength) }
        let inner = SHA256.hash(block.map { $0 ^ 0x36 } + message)
        let expected = SHA256.hash(block.map { $0 ^ 0x5c } + inner)
        #expect(signer.mac(message) == expected, "key \(keyLength) bytes, message \(length) bytes")
        #expect(signer.hexMAC(message) == Hex.encode(expected))
      }
    }
  }
}
