import SendoutCore
import Testing

/// FIPS 180-4 example vectors (NIST CSRC "SHA256.pdf", "SHA2_Additional.pdf").
@Suite struct SHA256Tests {
  @Test(arguments: [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    (
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
    (
      "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
    ),
    ("The quick brown fox jumps over the lazy dog", "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592"),
  ])
  func nistVectors(_ message: String, _ digest: String) {
    #expect(Hex.encode(SHA256.hash(Array(message.utf8))) == digest)
  }

  @Test func oneMillionAs() {
    var h = SHA256()
    let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
    for _ in 0..<1000 { h.update(chunk) }
    #expect(Hex.encode(h.finalize()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    #expect(
      Hex.encode(SHA256.hash([UInt8](repeating: 0x61, count: 1_000_000)))
        == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  /// Lengths around the 55/56/64-byte padding edges, fed in every split, must equal the one-shot digest.
  @Test(arguments: [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 200])
  func incrementalEqualsOneShot(_ length: Int) {
    let message = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
    let expected = SHA256.hash(message)
    for split in Set([0, 1, 31, 55, 56, 63, 64, 65, length / 2, length].filter { $0 <= length }) {
      var h = SHA256()
      h.update(Array(message[..<split]))
      h.update(Array(message[split...]))
      #expect(h.finalize() == expected, "split at \(split)")
    }
    var bytewise = SHA256()
    for byte in message { bytewise.update([byte]) }
    #expect(bytewise.finalize() == expected)
    var sequence = SHA256()
    sequence.update(message.lazy.map { $0 })  // the generic Sequence overload
    #expect(sequence.finalize() == expected)
  }

  @Test func hexEncodesLowercase() {
    #expect(Hex.encode([0x00, 0x0F, 0xA0, 0xFF, 0xDE, 0xAD]) == "000fa0ffdead")
    #expect(Hex.encode([]) == "")
  }
}

@Suite struct SHA256PathsTests {
  /// The accelerated (x86 SHA extensions) and portable (Swift) compressions agree on every length from 0 to
  /// 300 bytes and on a 100 KB message, fed whole and in uneven pieces.
  @Test func acceleratedAndPortablePathsAgree() {
    var g = SeededGenerator(seed: 2024)
    var lengths = Array(0...300)
    lengths.append(100_000)
    for n in lengths {
      let message = (0..<n).map { _ in UInt8(truncatingIfNeeded: g.next()) }
      var portable = SHA256(portable: true)
      portable.update(message)
      var fast = SHA256()
      var i = 0
      while i < n {
        let step = min(n - i, 1 + g.int(in: 0...130))
        fast.update(Array(message[i..<(i + step)]))
        i += step
      }
      #expect(fast.finalize() == portable.finalize(), "length \(n)")
    }
  }

  @Test func portablePathMatchesNIST() {
    var h = SHA256(portable: true)
    h.update(Array("abc".utf8))
    #expect(Hex.encode(h.finalize()) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }
}
