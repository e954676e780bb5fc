import SendoutCore
import SendoutTestSupport
import Testing

/// Our strict mode against Python `jsonschema` 4.26 (Draft 2020-12) on every official example:
/// same verdict and the same instance paths of the top-level errors (`Tests/Fixtures/jsonschema-verdicts.json`).
@Suite struct SchemaAgreementTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var label: String
    var schema: String
    var instance: JSON
    var raw: JSON
    var nullable: JSON?
    var testDescription: String { label }
  }

  static let cases: [Case] = {
    guard let verdicts = try? Fixtures.json("jsonschema-verdicts.json"),
      let examples = try? Fixtures.voucherifyExamples()
    else { return [] }
    var cases: [Case] = []
    for member in verdicts["envelopes"]?.objectValue?.members ?? [] {
      cases.append(
        Case(
          label: "envelope \(member.key)", schema: member.value["schema"]?.stringValue ?? "",
          instance: examples.value(atPath: "envelopes.\(member.key).payload") ?? .null,
          raw: member.value["raw"] ?? .null, nullable: nil))
    }
    for event in verdicts["events"]?.objectValue?.members ?? [] {
      for example in event.value["examples"]?.objectValue?.members ?? [] {
        let instance = examples["events"]?[event.key]?["examples"]?[example.key] ?? .null
        cases.append(
          Case(
            label: "\(event.key) / \(example.key)", schema: event.value["schema"]?.stringValue ?? "",
            instance: instance, raw: example.value["raw"] ?? .null, nullable: example.value["nullable"]))
      }
    }
    return cases
  }()

  static func paths(_ verdict: JSON) -> [String] {
    (verdict["error_paths"]?.arrayValue ?? []).compactMap(\.stringValue)
  }

  @Test func coversAllExamples() {
    #expect(Self.cases.count == 4 + 72)
  }

  @Test(arguments: cases)
  func rawSchemasAgreeWithPython(_ c: Case) throws {
    let validator = try SchemaValidator(document: Fixtures.voucherifySchemas())
    let failures = validator.validate(c.instance, against: c.schema, options: .draft202012)
    #expect(failures.isEmpty == (c.raw["valid"] == .bool(true)), "\(failures)")
    #expect(failures.map(\.path).sorted() == Self.paths(c.raw), "\(failures)")
  }

  @Test(arguments: cases.filter { $0.nullable != nil })
  func nullableHonouredAgreesWithPython(_ c: Case) throws {
    let validator = try SchemaValidator(document: Fixtures.voucherifySchemas())
    let options = SchemaValidator.Options(honorsNullable: true, checksFormats: false)
    let failures = validator.validate(c.instance, against: c.schema, options: options)
    let expected = try #require(c.nullable)
    // Python wraps each nullable schema in anyOf, which folds nested errors into one at the anyOf's
    // path, so only the verdict is comparable here.
    #expect(failures.isEmpty == (expected["valid"] == .bool(true)), "\(failures)")
  }

  @Test func verdictTotalsMatchTheReferenceReadme() throws {
    let validator = try SchemaValidator(document: Fixtures.voucherifySchemas())
    let data = Self.cases.filter { !$0.label.hasPrefix("envelope ") }
    #expect(data.count == 72)
    #expect(data.filter { validator.isValid($0.instance, against: $0.schema, options: .draft202012) }.count == 6)
    let nullable = SchemaValidator.Options(honorsNullable: true, checksFormats: false)
    #expect(data.filter { validator.isValid($0.instance, against: $0.schema, options: nullable) }.count == 7)
  }
}
