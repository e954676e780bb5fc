import Foundation
import SendoutCore

/// Loads the files in `Tests/Fixtures/` and the REST spec in `Spec/` (found from this source file's path, so tests
/// never read anything outside the repository). See the `PROVENANCE.md` beside them for where they came from.
public enum Fixtures {
  /// A fixture file could not be read or parsed.
  public struct LoadError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, naming the file.
    public var description: String
  }

  /// The package root.
  private static let root: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Sources/SendoutTestSupport
    .deletingLastPathComponent()  // Sources
    .deletingLastPathComponent()  // package root

  /// `<package root>/Tests/Fixtures`.
  public static let directory: URL = root.appendingPathComponent("Tests/Fixtures", isDirectory: true)

  /// `<package root>/Spec`: Voucherify's REST spec, which the mock API's operation table is generated from.
  public static let specDirectory: URL = root.appendingPathComponent("Spec", isDirectory: true)

  /// The URL of the fixture `name` (e.g. `voucherify-webhook-schemas.json`).
  public static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

  /// The bytes of the fixture `name` (in `folder`, default `directory`).
  public static func bytes(_ name: String, in folder: URL = directory) throws(LoadError) -> [UInt8] {
    let url = folder.appendingPathComponent(name)
    do {
      return [UInt8](try Data(contentsOf: url))
    } catch {
      throw LoadError(description: "Cannot read fixture \"\(name)\" at \(url.path): \(error)")
    }
  }

  /// `Spec/voucherify-api-openapi.json`: Voucherify's REST spec (API v2018-08-01).
  public static func apiSpec() throws(LoadError) -> JSON { try json("voucherify-api-openapi.json", in: specDirectory) }

  /// The fixture `name` (in `folder`, default `directory`) parsed as `JSON`.
  public static func json(_ name: String, in folder: URL = directory) throws(LoadError) -> JSON {
    let data = try bytes(name, in: folder)
    do {
      return try JSONParser.parse(data)
    } catch {
      throw LoadError(description: "Fixture \"\(name)\" is not valid JSON: \(error)")
    }
  }

  /// `voucherify-webhook-schemas.json`: the 260 official schemas plus the `x-voucherify-webhooks` index.
  public static func voucherifySchemas() throws(LoadError) -> JSON { try schemas.get() }

  /// `voucherify-webhook-examples.json`: the official `data` example of each event plus four doc envelopes.
  public static func voucherifyExamples() throws(LoadError) -> JSON { try examples.get() }

  /// A validator over the official schemas with the known-wrong enums dropped.
  public static func voucherifyValidator() throws -> SchemaValidator { try validator.get() }

  /// A validator over the REST spec's schemas, for the mock API's answers (in process and over loopback).
  public static func apiSpecValidator() throws -> SchemaValidator { try apiValidator.get() }

  // Parsed once per test process.
  private static let schemas = Result { () throws(LoadError) in try json("voucherify-webhook-schemas.json") }
  private static let examples = Result { () throws(LoadError) in try json("voucherify-webhook-examples.json") }
  private static let validator = Result {
    try SchemaValidator(document: voucherifySchemas(), droppingEnums: SchemaValidator.knownWrongEnums)
  }
  private static let apiValidator = Result { try SchemaValidator(document: apiSpec()) }
}
