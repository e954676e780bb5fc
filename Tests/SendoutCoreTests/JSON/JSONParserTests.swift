import SendoutCore
import SendoutTestSupport
import Testing

@Suite struct JSONParserTests {
  @Test(arguments: [
    #"{"b":1,"a":[true,false,null],"c":{"z":"y","x":-0.5}}"#,
    #"[]"#, #"{}"#, #""\u0000\n\"\\é😀""#, #"[1e+21,1e-7,5e-324,123.25]"#, #"[[[[[]]]]]"#,
    #"{"a\"b":1}"#, #""\u2028\u2029""#,
  ])
  func roundTripsThroughTheWriter(_ text: String) throws {
    let value = try JSONParser.parse(text)
    #expect(try JSONParser.parse(value.compactString) == value)
    #expect(try JSONParser.parse(value.prettyString) == value)
  }

  /// 50,000 keys: quadratic member insertion used to take over half a minute here.
  @Test func wideObjectsKeepOrderAndParseQuickly() throws {
    let count = 50_000
    let text = "{" + (0..<count).map { "\"k\($0)\":\($0)" }.joined(separator: ",") + ",\"k7\":-1}"
    let object = try #require(try JSONParser.parse(text).objectValue)
    #expect(object.count == count)
    #expect(object.keys.prefix(3) == ["k0", "k1", "k2"])
    #expect(object.members[7] == JSONMember("k7", -1))
    #expect(object.members[count - 1].key == "k\(count - 1)")
  }

  /// A 1 MiB body of 50,000 keys each written twice (100,000 members, half of them repeats): every repeat used to
  /// scan the members before it, about 1.25 billion key comparisons (7.6 s in a release build; minutes in debug).
  @Test func repeatedKeysInAWideObjectParseInLinearTime() throws {
    let count = 50_000
    let members = (0..<count).map { "\"k\($0)\":0" } + (0..<count).map { "\"k\($0)\":\($0)" }
    let text = "{" + members.joined(separator: ",") + "}"
    #expect(text.utf8.count > 1_000_000)
    let clock = ContinuousClock()
    let start = clock.now
    let object = try #require(try JSONParser.parse(text).objectValue)
    #expect(clock.now - start < .seconds(5), "linear: well under a second here; the quadratic parser took minutes")
    #expect(object.count == count)
    #expect(object.members[0] == JSONMember("k0", 0))
    #expect(object.members[count - 1] == JSONMember("k\(count - 1)", .int(count - 1)))
    #expect(object["k12345"] == 12_345)
  }

  @Test func keepsKeyOrderAndLastDuplicateValue() throws {
    let value = try JSONParser.parse(#"{"z":1,"a":2,"m":3,"a":4}"#)
    #expect(value.objectValue?.keys == ["z", "a", "m"])
    #expect(value["a"] == 4)
  }

  /// Object literals (built in place, not through `init(_:)`) treat a repeated key as parsing does.
  @Test func literalsKeepKeyOrderAndLastDuplicateValueAsParsingDoes() throws {
    let a = "a"  // not a literal key, so the compiler lets it repeat
    let object: JSONObject = ["z": 1, a: 2, "m": 3, a: 4]
    let value: JSON = ["z": 1, a: 2, "m": 3, a: 4]
    let parsed = try JSONParser.parse(#"{"z":1,"a":2,"m":3,"a":4}"#)
    #expect(object.members == parsed.objectValue?.members)
    #expect(value == parsed)
  }

  @Test(arguments: [
    ("0", JSON.int(0)), ("-0", .int(0)), ("42", .int(42)), ("-7", .int(-7)), ("1.5", .double(1.5)),
    ("1e2", .double(100)), ("1E-2", .double(0.01)), ("9223372036854775807", .int(Int.max)),
    ("9223372036854775808", .double(9_223_372_036_854_775_808)), ("true", .bool(true)), ("null", .null),
    (#""\ud83d\ude00""#, .string("😀")), (#""\/""#, .string("/")), (" \t\r\n1 \n", .int(1)),
  ])
  func scalars(_ text: String, _ expected: JSON) throws {
    #expect(try JSONParser.parse(text) == expected)
  }

  /// Each malformed input with the 1-based line:column the error must point at and a fragment of its reason.
  @Test(arguments: [
    ("", 1, 1, "Unexpected end of input"),
    ("   ", 1, 4, "Unexpected end of input"),
    ("{", 1, 2, "Expected a string key"),
    ("{\"a\" 1}", 1, 6, "Expected ':'"),
    ("{\"a\":1,}", 1, 8, "Expected a string key"),
    ("[1,]", 1, 4, "expected a value"),
    ("[1 2]", 1, 4, "Expected ',' or ']'"),
    ("{\"a\":1\n \"b\":2}", 2, 2, "Expected ',' or '}'"),
    ("[\n  1,\n  tru\n]", 3, 6, "expected 'true'"),
    ("01", 1, 2, "Leading zeros"),
    ("-01", 1, 3, "Leading zeros"),
    ("1.", 1, 3, "Expected a digit after '.'"),
    ("1e", 1, 3, "Expected a digit in the exponent"),
    ("-", 1, 2, "Expected a digit"),
    (".5", 1, 1, "Unexpected '.'"),
    ("+1", 1, 1, "Unexpected '+'"),
    ("1 2", 1, 3, "after the JSON value"),
    ("\"abc", 1, 1, "Unterminated string"),
    ("\"a\tb\"", 1, 3, "Control character U+0009"),
    ("\"\\x\"", 1, 3, "Invalid escape '\\x'"),
    ("\"\\u12G4\"", 1, 6, "Expected a hex digit"),
    ("\"\\ud83d\"", 1, 8, "Lone high surrogate"),
    ("\"\\ud83dx\"", 1, 8, "Lone high surrogate"),
    ("\"\\ude00\"", 1, 8, "Lone low surrogate"),
    ("\"\\ud83d\\u0041\"", 1, 14, "Invalid low surrogate"),
    ("[\"é\", x]", 1, 7, "Unexpected 'x'"),
    ("NaN", 1, 1, "Unexpected 'N'"),
    ("{\"a\":1}}", 1, 8, "after the JSON value"),
  ])
  func errorPositions(_ text: String, _ line: Int, _ column: Int, _ reason: String) {
    #expect {
      _ = try JSONParser.parse(text)
    } throws: { error in
      guard let error = error as? JSONParseError else { return false }
      return error.line == line && error.column == column && error.reason.contains(reason)
    }
  }

  @Test func errorDescriptionIsLineColonColumn() {
    #expect(JSONParseError(line: 3, column: 14, reason: "Bad").description == "3:14: Bad")
  }

  @Test(arguments: [[0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF0, 0x9F, 0x98]] as [[UInt8]])
  func invalidUTF8InStringsIsRejected(_ bad: [UInt8]) {
    let bytes = [UInt8(ascii: "\"")] + bad + [UInt8(ascii: "\"")]
    #expect(throws: JSONParseError.self) { try JSONParser.parse(bytes) }
  }

  @Test func invalidUTF8ErrorPointsAtTheString() {
    let bytes: [UInt8] = Array("[1, \"".utf8) + [0xFF] + Array("\"]".utf8)
    #expect(throws: JSONParseError(line: 1, column: 5, reason: "String is not valid UTF-8")) {
      try JSONParser.parse(bytes)
    }
  }

  @Test func depthLimitIsEnforced() throws {
    let ok = String(repeating: "[", count: JSONParser.maxDepth) + String(repeating: "]", count: JSONParser.maxDepth)
    #expect(throws: Never.self) { try JSONParser.parse(ok) }
    let deep =
      String(repeating: "[", count: JSONParser.maxDepth + 1) + String(repeating: "]", count: JSONParser.maxDepth + 1)
    #expect {
      try JSONParser.parse(deep)
    } throws: { ($0 as? JSONParseError)?.reason.contains("Nesting deeper than 512") == true }
    let objects =
      String(repeating: "{\"a\":", count: JSONParser.maxDepth + 1) + "1"
      + String(repeating: "}", count: JSONParser.maxDepth + 1)
    #expect(throws: JSONParseError.self) { try JSONParser.parse(objects) }
  }

  @Test func veryDeepInputFailsCleanly() {
    let hostile = String(repeating: "[", count: 1_000_000)
    #expect(throws: JSONParseError.self) { try JSONParser.parse(hostile) }
  }

  @Test func columnsCountScalarsNotBytes() {
    #expect {
      try JSONParser.parse("[\"日本\", @]")
    } throws: { ($0 as? JSONParseError).map { $0.line == 1 && $0.column == 8 } ?? false }
  }

  @Test func parsesTheFixturesWithoutLoss() throws {
    for name in ["voucherify-webhook-schemas.json", "voucherify-webhook-examples.json"] {
      let bytes = try Fixtures.bytes(name)
      let value = try JSONParser.parse(bytes)
      #expect(try JSONParser.parse(value.prettyString) == value)
    }
  }

  @Test func valueAtPathWalksObjectsAndArrays() throws {
    let value = try JSONParser.parse(#"{"order":{"items":[{"price":5}]}}"#)
    #expect(value.value(atPath: "order.items.0.price") == 5)
    #expect(value.value(atPath: "order.items.1.price") == nil)
    #expect(value.value(atPath: "order.nope") == nil)
  }
}
