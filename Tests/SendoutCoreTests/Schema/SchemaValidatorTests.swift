import SendoutCore
import SendoutTestSupport
import Testing

/// Keyword-by-keyword behaviour on small inline schemas.
@Suite struct SchemaValidatorTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var schema: String
    var instance: String
    var options: SchemaValidator.Options = .strict
    /// `path: reason prefix` of each expected failure; empty = valid.
    var expected: [String]
    var testDescription: String { "\(schema) ← \(instance)" }
  }

  static func validator(_ schema: String, extra: String = "") throws -> SchemaValidator {
    let text =
      #"{"components":{"schemas":{"S":"# + schema
      + #","Ref":{"type":"object","required":["id"],"properties":{"id":{"type":"string","example":"cust_1"},"object":{"type":"string","enum":["customer"]}}}"#
      + extra + "}}}"
    return try SchemaValidator(document: JSONParser.parse(text))
  }

  static let cases: [Case] = [
    Case(schema: #"{"type":"string"}"#, instance: #""x""#, expected: []),
    Case(schema: #"{"type":"string"}"#, instance: "1", expected: [": Expected string, found number 1"]),
    Case(schema: #"{"type":"integer"}"#, instance: "1.0", expected: []),
    Case(schema: #"{"type":"integer"}"#, instance: "1.5", expected: [": Expected integer"]),
    Case(schema: #"{"type":"number"}"#, instance: "true", expected: [": Expected number, found boolean true"]),
    Case(schema: #"{"type":["string","null"]}"#, instance: "null", expected: []),
    Case(schema: #"{"type":"string","nullable":true}"#, instance: "null", expected: []),
    Case(
      schema: #"{"type":"string","nullable":true}"#, instance: "null", options: .draft202012,
      expected: [": Expected string, found null"]),
    Case(
      schema: #"{"type":"object","properties":{"a":{"type":"object","properties":{"b":{"type":"string"}}}}}"#,
      instance: #"{"a":{"b":2}}"#, expected: ["a.b: Expected string"]),
    Case(
      schema: #"{"type":"array","items":{"type":"integer"}}"#, instance: #"[1,"x",3]"#,
      expected: ["1: Expected integer"]),
    Case(schema: #"{"required":["a","b"]}"#, instance: #"{"a":1}"#, expected: [": Missing required key \"b\""]),
    Case(
      schema: #"{"properties":{"a":{}},"additionalProperties":false}"#, instance: #"{"a":1,"x":2,"y":3}"#,
      expected: [#": Unexpected keys "x", "y""#]),
    Case(
      schema: #"{"properties":{"a":{}},"additionalProperties":{"type":"string"}}"#, instance: #"{"a":1,"x":2}"#,
      expected: ["x: Expected string"]),
    Case(schema: #"{"enum":["a","b"]}"#, instance: #""c""#, expected: [#": "c" is not one of "a", "b""#]),
    Case(schema: #"{"enum":[1]}"#, instance: "1.0", expected: []),
    Case(schema: #"{"const":{"a":[1,2]}}"#, instance: #"{"a":[1,2]}"#, expected: []),
    Case(schema: #"{"const":true}"#, instance: "1", expected: [": Expected true, found 1"]),
    Case(
      schema: #"{"allOf":[{"type":"object"},{"required":["a"]}]}"#, instance: "{}",
      expected: [": Missing required key \"a\""]),
    Case(
      schema: #"{"anyOf":[{"type":"string"},{"type":"integer"}]}"#, instance: "true",
      expected: [": Matches none of the 2"]),
    Case(
      schema: #"{"oneOf":[{"type":"integer"},{"type":"number"}]}"#, instance: "1",
      expected: [": Matches oneOf alternatives 0, 1"]),
    Case(schema: #"{"oneOf":[{"type":"integer"},{"type":"number"}]}"#, instance: "1.5", expected: []),
    Case(
      schema: #"{"oneOf":[{"type":"integer"},{"type":"number"}]}"#, instance: "1", options: .structure, expected: []),
    Case(
      schema: ##"{"$ref":"#/components/schemas/Ref"}"##, instance: #"{"object":"customer"}"#,
      expected: [": Missing required key \"id\""]),
    Case(schema: ##"{"$ref":"#/components/schemas/Nope"}"##, instance: "1", expected: [": Unresolvable $ref"]),
    Case(schema: #"{"type":"string","format":"date-time"}"#, instance: #""2024-01-01T11:11:11.111Z""#, expected: []),
    Case(schema: #"{"type":"string","format":"date-time"}"#, instance: #""2024-01-01T11:11:11+02:00""#, expected: []),
    Case(
      schema: #"{"type":"string","format":"date-time"}"#, instance: #""2024-01-01 11:11:11Z""#,
      expected: [": \"2024-01-01 11:11:11Z\" is not a valid date-time"]),
    Case(
      schema: #"{"type":"string","format":"date-time"}"#, instance: #""2024-13-01T11:11:11Z""#,
      expected: [": \"2024-13-01T11:11:11Z\" is not"]),
    Case(
      schema: #"{"type":"string","format":"date-time"}"#, instance: #""2024-01-01T11:11Z""#, options: .draft202012,
      expected: []),
    Case(schema: #"{"type":"string","format":"date"}"#, instance: #""2024-02-29""#, expected: []),
    Case(
      schema: #"{"type":"integer","minimum":1,"maximum":12}"#, instance: "13",
      expected: [": 13 is above the maximum 12"]),
    Case(
      schema: #"{"type":"integer","minimum":1,"maximum":12}"#, instance: "0", expected: [": 0 is below the minimum 1"]),
    Case(schema: #"{"maxItems":1}"#, instance: "[1,2]", expected: [": Has 2, maxItems is 1"]),
    Case(schema: #"{"minLength":2}"#, instance: #""é""#, expected: [": Has 1, minLength is 2"]),
    Case(schema: #"{"pattern":"^bal"}"#, instance: #""balance""#, expected: []),
    Case(schema: #"{"pattern":"^bal"}"#, instance: #""ball_""#, expected: []),
    Case(
      schema: #"{"pattern":"^bal"}"#, instance: #""xbal""#, expected: [#": "xbal" does not match the pattern "^bal""#]),
    // Structure mode: nulls anywhere, nested `required` advisory, only `object` enums, typed non-null values.
    Case(
      schema:
        #"{"type":"object","required":["a"],"properties":{"a":{"type":"object","required":["b"],"properties":{"b":{"type":"string","enum":["x"]}}}}}"#,
      instance: #"{"a":{"c":null}}"#, options: .structure, expected: []),
    Case(
      schema: #"{"type":"object","required":["a"]}"#, instance: "{}", options: .structure,
      expected: [": Missing required key \"a\""]),
    Case(
      schema:
        #"{"type":"object","properties":{"a":{"type":"object","properties":{"b":{"type":"string","enum":["x"]}}}}}"#,
      instance: #"{"a":{"b":"y"}}"#, options: .structure, expected: []),
    Case(
      schema: ##"{"type":"object","properties":{"c":{"$ref":"#/components/schemas/Ref"}}}"##,
      instance: #"{"c":{"object":"custom"}}"#, options: .structure,
      expected: [#"c.object: "custom" is not one of "customer""#]),
    Case(
      schema: ##"{"type":"object","properties":{"c":{"$ref":"#/components/schemas/Ref"}}}"##,
      instance: #"{"c":{"id":"cus_1"}}"#, options: .structure,
      expected: ["c.id: Expected an id starting with \"cust…_\""]),
    Case(
      schema: ##"{"type":"object","properties":{"c":{"$ref":"#/components/schemas/Ref"}}}"##,
      instance: #"{"c":[]}"#, options: .structure, expected: ["c: Expected object, found array"]),
    Case(
      schema: #"{"type":"object","properties":{"n":{"type":"integer","maximum":1}}}"#,
      instance: #"{"n":5}"#, options: .structure, expected: []),
  ]

  @Test(arguments: cases)
  func keyword(_ c: Case) throws {
    let failures = try Self.validator(c.schema).validate(
      try JSONParser.parse(c.instance), against: "S", options: c.options)
    let rendered = failures.map { "\($0.path): \($0.reason)" }
    #expect(rendered.count == c.expected.count, "\(rendered)")
    for (got, want) in zip(rendered, c.expected) { #expect(got.hasPrefix(want), "\(got)") }
  }

  @Test func failureDescriptionQuotesThePath() {
    #expect(
      SchemaValidator.Failure(path: "data.customer.email", reason: "Expected string, found null").description
        == "at `data.customer.email`: Expected string, found null")
    #expect(SchemaValidator.Failure(path: "", reason: "x").description == "at the root: x")
  }

  @Test func unknownSchemaIsAFailure() throws {
    let failures = try Self.validator("{}").validate(.null, against: "Missing")
    #expect(failures.map(\.reason) == ["Unknown schema \"Missing\""])
  }

  @Test func documentWithoutSchemasIsRejected() {
    #expect(throws: SchemaValidator.SchemaError.self) { try SchemaValidator(document: ["openapi": "3.1.0"]) }
  }
}
