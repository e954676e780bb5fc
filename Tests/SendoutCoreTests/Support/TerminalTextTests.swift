import SendoutCore
import Testing

/// Issue 10, class 4: one escaping rule for everything printed from untrusted input.
@Suite struct TerminalTextTests {
  @Test(arguments: [
    ("\u{1B}[2J", #"\u{1B}[2J"#), ("bell\u{7}", #"bell\u{7}"#), ("nul\u{0}", #"nul\u{0}"#),
    ("del\u{7F}", #"del\u{7F}"#), ("csi\u{9B}31m", #"csi\u{9B}31m"#), ("c1\u{85}", #"c1\u{85}"#),
    ("a\nb\rc\td", #"a\nb\rc\td"#), ("rtl\u{202E}txt", #"rtl\u{202E}txt"#), ("iso\u{2066}", #"iso\u{2066}"#),
  ])
  func controlCharactersBecomeVisibleEscapes(_ input: String, _ expected: String) {
    #expect(TerminalText.escape(input) == expected)
  }

  @Test(arguments: ["", "plain text", "é 😀 ünïcødé", #"back\slash"#, "customer.redemption.succeeded", "→ 200"])
  func ordinaryTextIsUnchanged(_ text: String) {
    #expect(TerminalText.escape(text) == text)
  }

  @Test func noEscapedOutputHoldsAControlCharacter() {
    var rng = SeededGenerator(seed: 0x7E57)
    for _ in 0..<2_000 {
      let scalars = (0..<rng.int(in: 0...20)).compactMap { _ in
        Unicode.Scalar(UInt32(rng.int(in: 0...0x2100)))
      }
      var text = ""
      text.unicodeScalars.append(contentsOf: scalars)
      let escaped = TerminalText.escape(text)
      #expect(!escaped.unicodeScalars.contains(where: TerminalText.needsEscape), "\(text.debugDescription)")
    }
  }
}
