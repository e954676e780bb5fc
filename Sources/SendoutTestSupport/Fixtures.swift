import Foundation
import SendoutCore

/// Loads the files in `Tests/Fixtures/` (found from this source file's path, so tests never read
/// anything outside the repository). See `Tests/Fixtures/PROVENANCE.md` for where they came from.
public enum Fixtures {
  /// A fixture file could not be read or parsed.
  public struct LoadError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, naming the file.
    public var description: String
  }

  /// `<package root>/Tests/Fixtures`.
  public static let directory: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Sources/SendoutTestSupport
    .deletingLastPathComponent()  // Sources
    .deletingLastPathComponent()  // package root
    .appendingPathComponent("Tests/Fixtures", isDirectory: true)

  /// The URL of the fixture `name` (e.g. `voucherify-webhook-schemas.json`).
  public static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

  /// The bytes of the fixture `name`.
  public static func bytes(_ name: String) throws(LoadError) -> [UInt8] {
    do {
      return [UInt8](try Data(contentsOf: url(name)))
    } catch {
      throw LoadError(description: "Cannot read fixture \"\(name)\" at \(url(name).path): \(error)")
    }
  }

  /// The fixture `name` parsed as `JSON`.
  public static func json(_ name: String) throws(LoadError) -> JSON {
    let data = try bytes(name)
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

  // Parsed once per test process.
  private static let schemas = Result { () throws(LoadError) in try json("voucherify-webhook-schemas.json") }
  private static let examples = Result { () throws(LoadError) in try json("voucherify-webhook-examples.json") }
  private static let validator = Result {
    try SchemaValidator(document: voucherifySchemas(), droppingEnums: SchemaValidator.knownWrongEnums)
  }
}
