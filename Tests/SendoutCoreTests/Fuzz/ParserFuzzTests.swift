import Foundation
import SendoutCore
import Testing

/// Seeded fuzzing of the JSON and template parsers: random and mutated inputs must never crash or hang;
/// each returns a value or an error with a 1-based `line:column`.
@Suite struct ParserFuzzTests {
  static let jsonSeeds: [String] = [
    #"{"b":1,"a":[true,false,null],"c":{"z":"y","x":-0.5}}"#, #"[1e+21,1e-7,5e-324,123.25,-0,0.0]"#,
    #""\u0000\n\"\\é😀\ud83d\ude00""#, #"{"a\"b":{"c":[[],{}]},"d":"\u2028"}"#, "  [1, 2 ,3 ]\n",
    #"{"id":"evcus_0e1","data":{"amount":12345,"tags":["x","y"],"meta":null}}"#,
  ]

  static let templateSeeds: [String] = [
    #"{"who": "{{customer.name}}", "total": {{order.amount}}, "note": "Hi {{customer.name}}!"}"#,
    #"[{{order.items}}, "x{{a.b}}y{{c}}", 1, true, null, {"k": [{{d}}]}]"#,
    #"{"who": "{{customer.id}}", "what": "{{event.type}}", "static": {"n": -1.5e3, "s": "\u00e9"}}"#,
  ]

  static let data: JSONObject = [
    "customer": .object(["name": "Ann", "id": "cust_1"]), "order": .object(["amount": 100, "items": [1, 2]]),
    "event": .object(["type": "x"]),
  ]

  @Test func jsonParserSurvivesMutatedAndRandomInput() {
    var m = Mutator(seed: 0x5EED_0001)
    let seeds = Self.jsonSeeds.map { Array($0.utf8) }
    for i in 0..<6_000 {
      let input = i % 3 == 0 ? m.randomInput(maxLength: 80) : m.mutate(seeds[i % seeds.count])
      checkJSON(input)
    }
  }

  @Test func jsonParserHandlesExtremes() {
    let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    #expect(throws: JSONParseError.self) { try JSONParser.parse(deep) }
    let deepObject = String(repeating: "{\"a\":", count: 50_000)
    #expect(throws: JSONParseError.self) { try JSONParser.parse(deepObject) }
    for huge in [
      "1e999999", "-1e400", "1" + String(repeating: "0", count: 5_000), "0." + String(repeating: "9", count: 5_000),
    ] {
      checkJSON(Array(huge.utf8))
    }
    checkJSON(Array(String(repeating: "\"\\ud800", count: 1_000).utf8))
    checkJSON([0x22, 0xFF, 0xFE, 0x22])
  }

  @Test func templateParserSurvivesMutatedAndRandomInput() {
    var m = Mutator(seed: 0x5EED_0002)
    let seeds = Self.templateSeeds.map { Array($0.utf8) }
    for i in 0..<5_000 {
      let input = i % 4 == 0 ? m.randomInput(maxLength: 80) : m.mutate(seeds[i % seeds.count])
      let text = String(decoding: input, as: UTF8.self)
      do {
        let template = try PayloadTemplate(parsing: text)
        // A parsed template renders to JSON the writer and parser agree on.
        let rendered = template.render(Self.data)
        #expect(throws: Never.self, "\(text)") { try JSONParser.parse(rendered.compactString) }
      } catch {
        guard case .syntax(let line, let column, let reason) = error else {
          Issue.record("unexpected \(error) for \(text)")
          continue
        }
        #expect(line >= 1 && column >= 1 && !reason.isEmpty, "\(text)")
      }
    }
  }

  @Test func templateParserHandlesDeepNesting() {
    for open in ["[", "{\"a\":", "[{{x}},"] {
      let text = String(repeating: open, count: 20_000)
      #expect(throws: TemplateError.self) { try PayloadTemplate(parsing: text) }
    }
  }

  /// Many strings in one large template parse in linear time, and oversized templates are refused.
  @Test func templateSizeIsBounded() throws {
    let strings = "[" + Array(repeating: "\"a{{x}}\"", count: 100_000).joined(separator: ",") + "]"
    #expect(try PayloadTemplate(parsing: strings).placeholders.count == 100_000)
    let huge = "\"" + String(repeating: "a", count: PayloadTemplate.maxBytes) + "\""
    #expect(throws: TemplateError.self) { try PayloadTemplate(parsing: huge) }
  }

  private func checkJSON(_ input: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
    do {
      let value = try JSONParser.parse(input)
      // Whatever parses writes back out as JSON that parses to the same value.
      let again = try? JSONParser.parse(value.compactString)
      #expect(
        again?.compactString == value.compactString, "\(String(decoding: input, as: UTF8.self))",
        sourceLocation: sourceLocation)
    } catch {
      #expect(error.line >= 1 && error.column >= 1 && !error.reason.isEmpty, sourceLocation: sourceLocation)
    }
  }
}
