import SendoutCore

/// Seeded input mutations for the fuzz tests: byte flips, truncations, insertions of JSON-ish tokens,
/// deep nesting, huge numbers and invalid UTF-8. Same seed, same inputs.
struct Mutator {
  var rng: SeededGenerator

  init(seed: UInt64) { rng = SeededGenerator(seed: seed) }

  /// Tokens that steer a mutant toward interesting parser states.
  static let tokens: [[UInt8]] = [
    "{", "}", "[", "]", "\"", "\\", ":", ",", "{{", "}}", "${", "\\u", "\\ud800", "\\udc00", "\\u00", "-", "0",
    "1e999999", "-1e-999999", "99999999999999999999999999999", "9223372036854775808", "-9223372036854775809",
    "1.", ".5", "01", "true", "nul", "null", "\u{0}", "\n", "\t", " ", "é", "😀", "{{order.", "{{ }}", "${X", "${A.b}",
  ].map { Array($0.utf8) }

  /// Byte sequences that are not valid UTF-8.
  static let invalidUTF8: [[UInt8]] = [
    [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF8, 0x88, 0x80, 0x80, 0x80], [0x80],
  ]

  mutating func int(_ range: ClosedRange<Int>) -> Int { rng.int(in: range) }

  /// `input` with 1 to 4 random mutations.
  mutating func mutate(_ input: [UInt8]) -> [UInt8] {
    var bytes = input
    for _ in 0..<int(1...4) {
      let at = bytes.isEmpty ? 0 : int(0...bytes.count)
      switch int(0...8) {
      case 8:  // replace the next number with an extreme one
        replaceNumber(in: &bytes, from: at)
      case 0 where !bytes.isEmpty:  // flip a bit
        let i = min(at, bytes.count - 1)
        bytes[i] ^= UInt8(1 << int(0...7))
      case 1:  // truncate
        bytes = Array(bytes.prefix(at))
      case 2 where !bytes.isEmpty:  // delete a run
        let end = min(bytes.count, at + int(1...16))
        if at < end { bytes.removeSubrange(at..<end) }
      case 3:  // insert a token
        bytes.insert(contentsOf: Mutator.tokens[int(0...Mutator.tokens.count - 1)], at: at)
      case 4:  // insert invalid UTF-8
        bytes.insert(contentsOf: Mutator.invalidUTF8[int(0...Mutator.invalidUTF8.count - 1)], at: at)
      case 5:  // random byte
        bytes.insert(UInt8(truncatingIfNeeded: int(0...255)), at: at)
      case 6 where !bytes.isEmpty:  // duplicate a run
        let end = min(bytes.count, at + int(1...64))
        if at < end { bytes.insert(contentsOf: bytes[at..<end], at: at) }
      default:  // deep nesting
        let depth = int(1...1_200)
        let open: [UInt8] = int(0...1) == 0 ? Array("[".utf8) : Array("{\"a\":".utf8)
        bytes.insert(contentsOf: Array(repeating: open, count: depth).joined(), at: at)
      }
    }
    return bytes
  }

  /// Numbers that overflow counts, amounts and dates.
  static let extremes = ["9223372036854775807", "-9223372036854775808", "0", "-1", "4294967296", "1e308", "1.5"]

  private mutating func replaceNumber(in bytes: inout [UInt8], from start: Int) {
    let isDigit = { (b: UInt8) in b >= 0x30 && b <= 0x39 }
    guard let first = bytes[min(start, bytes.count)...].firstIndex(where: isDigit) else { return }
    var end = first
    while end < bytes.count, isDigit(bytes[end]) { end += 1 }
    bytes.replaceSubrange(first..<end, with: Array(Mutator.extremes[int(0...Mutator.extremes.count - 1)].utf8))
  }

  /// Random bytes drawn mostly from JSON's alphabet.
  mutating func randomInput(maxLength: Int) -> [UInt8] {
    let alphabet = Array("{}[]\":,.-+eE0123456789truefalsnl \\u{}$".utf8)
    return (0..<int(0...maxLength)).map { _ in
      int(0...9) == 0 ? UInt8(truncatingIfNeeded: int(0...255)) : alphabet[int(0...alphabet.count - 1)]
    }
  }
}
