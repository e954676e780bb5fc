import SendoutCore
import Testing

/// The byte-buffer writer (word-at-a-time escape test, direct integer digits, borrowed tree walk) against the plain
/// writer it replaced (`ReferenceJSONWriter`), on the inputs its shortcuts could get wrong.
@Suite struct JSONWriterIdentityTests {
  /// Every special byte and its neighbours, and multi-byte characters, at every position of strings of 0 to 40
  /// bytes: the escape test reads 8, 4 or 1 bytes at a time depending on the length, with overlapping loads.
  @Test func escapingMatchesAtEveryLengthAndPosition() {
    let bytes: [UInt8] = [
      0x00, 0x01, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x2F, 0x5B, 0x5C, 0x5D, 0x7F,
    ]
    let probes: [Unicode.Scalar] = bytes.map { Unicode.Scalar($0) } + ["é", "€", "😀", "\u{2028}"]
    var mismatches: [String] = []
    for length in 0...40 {
      for position in 0..<max(length, 1) {
        for probe in probes {
          var scalars = [Unicode.Scalar](repeating: "a", count: length)
          if length > 0 { scalars[position] = probe }
          let text = String(String.UnicodeScalarView(scalars))
          for value: JSON in [.string(text), [text: .string(text)], [.string(text), .string(String(text.reversed()))]] {
            if value.compactBytes != ReferenceJSONWriter.compact(value) { mismatches.append(value.compactString) }
          }
        }
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
  }

  @Test func integersAreWrittenAsStringDoes() {
    var values = [0, 1, -1, 9, 10, -10, 99, 100, 12900, Int.max, Int.min, Int.max - 1, Int.min + 1]
    var power = 1
    for _ in 0..<18 {
      power *= 10
      values += [power - 1, power, power + 1, -power, -power + 1]
    }
    for value in values {
      #expect(JSON.int(value).compactString == String(value))
    }
  }

  /// Seeded random trees (objects, arrays, strings with escapes, numbers, long and short keys), compact and pretty;
  /// bodies larger than the writer's first buffer make it grow.
  @Test func randomTreesMatchTheReferenceWriter() {
    var random = SeededGenerator(seed: 23)
    for round in 0..<300 {
      let tree = Self.randomValue(depth: 0, random: &random)
      #expect(tree.compactBytes == ReferenceJSONWriter.compact(tree), "round \(round)")
      #expect(Array(tree.prettyString.utf8) == ReferenceJSONWriter.pretty(tree), "round \(round)")
    }
  }

  static func randomText(_ random: inout SeededGenerator) -> String {
    let alphabet: [Character] = ["a", "Z", "0", " ", "\"", "\\", "\n", "\t", "\u{01}", "\u{1F}", "é", "😀", "/", "_"]
    let length = Int(random.next() % 40)
    return String((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
  }

  static func randomValue(depth: Int, random: inout SeededGenerator) -> JSON {
    switch random.next() % (depth < 4 ? 8 : 5) {
    case 0: return .null
    case 1: return .bool(random.next() % 2 == 0)
    case 2: return .int(Int(truncatingIfNeeded: random.next()) >> Int(random.next() % 64))
    case 3: return .double(Double(Int(random.next() % 100_000)) / 64)
    case 4: return .string(randomText(&random))
    case 5: return .array((0..<Int(random.next() % 6)).map { _ in randomValue(depth: depth + 1, random: &random) })
    default:
      var object = JSONObject()
      for _ in 0..<Int(random.next() % 12) {
        object[randomText(&random)] = randomValue(depth: depth + 1, random: &random)
      }
      return .object(object)
    }
  }
}
