import SendoutCore

/// A small JSON-Schema validator over `JSON` for the subset the official Voucherify webhook schemas use.
///
/// Keywords: `$ref` (`#/components/schemas/X`, siblings applied as in 2020-12), `type` (name or array;
/// `integer` accepts integral doubles), `properties`, `required`, `additionalProperties` (bool or schema),
/// `items`, `enum`, `const`, `allOf`, `anyOf`, `oneOf`, OpenAPI-3.0 `nullable`, `format` (`date-time`,
/// `date`, `time`: shape only), `minimum`/`maximum`, `minItems`/`maxItems`, `maxProperties`,
/// `minLength`/`maxLength`, `pattern`. Everything else (`title`, `example`, `x-*`, …) is ignored.
///
/// Envelopes, strictly (with the known-wrong `event.type` enum dropped):
/// ```
/// let validator = try SchemaValidator(document: Fixtures.voucherifySchemas(),
///                                     droppingEnums: SchemaValidator.knownWrongEnums)
/// let failures = validator.validate(body, against: "WebhookProjectSettingPayload")
/// ```
/// A `data` object, for structure: `validator.validate(data, against: "EventRedemptionSucceededData",
/// options: .structure)`.
public struct SchemaValidator: Sendable {
  /// How strictly to read the schemas.
  public enum Mode: Sendable, Hashable {
    /// JSON-Schema semantics, as Python's `jsonschema` (Draft 2020-12) applies them.
    case strict
    /// Key structure only: `null` is accepted anywhere, `required` is enforced only on the validated
    /// object itself (advisory below), only `object` discriminator enums are checked, `id` values must
    /// carry the prefix of the schema's example id, `oneOf` means `anyOf`, and bounds, patterns and
    /// `additionalProperties` below the first level are not checked. Types of non-null values are.
    case structure
  }

  /// What to check.
  public struct Options: Sendable, Hashable {
    /// The mode.
    public var mode: Mode
    /// Whether `nullable: true` admits `null` (OpenAPI 3.0). A pure 2020-12 validator ignores it.
    public var honorsNullable: Bool
    /// Whether `format` (`date-time`, `date`, `time`) is asserted. 2020-12 treats it as an annotation.
    public var checksFormats: Bool

    /// Creates options.
    public init(mode: Mode = .strict, honorsNullable: Bool = true, checksFormats: Bool = true) {
      self.mode = mode
      self.honorsNullable = honorsNullable
      self.checksFormats = checksFormats
    }

    /// Strict, honouring `nullable`, asserting formats: what our envelopes must pass.
    public static let strict = Options()
    /// Exactly what Python `jsonschema` Draft 2020-12 checks by default (no `nullable`, no formats).
    public static let draft202012 = Options(honorsNullable: false, checksFormats: false)
    /// Structure mode, asserting formats.
    public static let structure = Options(mode: .structure)
  }

  /// One reason an instance does not match, at a dotted instance path (`data.customer.email`, `items.0`).
  public struct Failure: Sendable, Hashable, CustomStringConvertible {
    /// Dotted path of the offending value; empty for the root.
    public var path: String
    /// What was wrong, quoting the value where short.
    public var reason: String

    /// Creates a failure.
    public init(path: String, reason: String) {
      self.path = path
      self.reason = reason
    }

    /// ``at `data.customer.email`: reason``, or `at the root: reason`.
    public var description: String { path.isEmpty ? "at the root: \(reason)" : "at `\(path)`: \(reason)" }
  }

  /// Thrown when the schema document or an override does not fit.
  public struct SchemaError: Error, Sendable, CustomStringConvertible {
    /// What was wrong.
    public var description: String
  }

  /// The enums the official schemas get wrong: `WebhookProjectSettingPayload.event.type` lacks
  /// `voucher.published`, which the documented project-settings example sends.
  public static let knownWrongEnums = ["WebhookProjectSettingPayload.event.type"]

  /// The id prefix (letters before `_`) of each `object` discriminator, as in every official example;
  /// structure mode checks `id` against it.
  public static let idPrefixes: [String: String] = [
    "campaign": "camp", "CAMPAIGN": "camp", "category": "cat", "customer": "cust", "distribution": "distr",
    "earning_rule": "ern", "event": "event", "loyalty_points_bucket": "lopb", "loyalty_tier": "ltr", "order": "ord",
    "order_item": "ordli", "product": "prod", "products_collection": "pc", "promotion_tier": "promo",
    "publication": "pub", "redeemable_holder": "rh", "redemption": "r", "redemption_rollback": "rr", "reward": "rew",
    "reward_assignment": "rewa", "segment": "seg", "sku": "sku", "validation_rules": "val",
    "validation_rules_assignment": "asgm", "voucher": "v", "webhook": "wh",
  ]

  /// `components.schemas`, by name.
  let schemas: [String: JSON]

  /// Reads `components.schemas` of an OpenAPI-style document and removes `enum` at each
  /// `Schema.property.property` location in `droppingEnums` (for enums known to be wrong).
  public init(document: JSON, droppingEnums: [String] = []) throws(SchemaError) {
    guard let members = document.value(atPath: "components.schemas")?.objectValue?.members else {
      throw SchemaError(description: "The document has no object at `components.schemas`")
    }
    var schemas: [String: JSON] = [:]
    for member in members { schemas[member.key] = member.value }
    for location in droppingEnums {
      let parts = location.split(separator: ".").map(String.init)
      guard let name = parts.first, let schema = schemas[name] else {
        throw SchemaError(description: "No schema named \"\(parts.first ?? "")\" for the enum override \"\(location)\"")
      }
      schemas[name] = try SchemaValidator.droppingEnum(in: schema, properties: parts.dropFirst(), location: location)
    }
    self.schemas = schemas
  }

  /// The names of all schemas.
  public var schemaNames: [String] { schemas.keys.sorted() }

  /// The schema called `name`, if any.
  public func schema(named name: String) -> JSON? { schemas[name] }

  /// All failures of `instance` against the schema `name` (empty when it matches).
  public func validate(_ instance: JSON, against name: String, options: Options = .strict) -> [Failure] {
    guard schemas[name] != nil else { return [Failure(path: "", reason: "Unknown schema \"\(name)\"")] }
    return validate(instance, schema: .object(["$ref": .string("#/components/schemas/\(name)")]), options: options)
  }

  /// All failures of `instance` against an inline `schema` (its `$ref`s resolved in `components.schemas`).
  public func validate(_ instance: JSON, schema: JSON, options: Options = .strict) -> [Failure] {
    let failures = Context(validator: self, options: options).validate(instance, schema, path: [])
    guard options.mode == .structure else { return failures }
    var seen = Set<Failure>()
    return failures.filter { seen.insert($0).inserted }  // allOf branches may declare the same property
  }

  /// Whether `instance` matches the schema `name`.
  public func isValid(_ instance: JSON, against name: String, options: Options = .strict) -> Bool {
    validate(instance, against: name, options: options).isEmpty
  }

  private static func droppingEnum(
    in schema: JSON, properties: ArraySlice<String>, location: String
  ) throws(SchemaError) -> JSON {
    guard var object = schema.objectValue else {
      throw SchemaError(description: "The enum override \"\(location)\" does not lead to an object schema")
    }
    guard let property = properties.first else {
      guard object["enum"] != nil else { throw SchemaError(description: "No enum at \"\(location)\"") }
      object["enum"] = nil
      return .object(object)
    }
    guard var declared = object["properties"]?.objectValue, let child = declared[property] else {
      throw SchemaError(description: "No property \"\(property)\" on the way to \"\(location)\"")
    }
    declared[property] = try droppingEnum(in: child, properties: properties.dropFirst(), location: location)
    object["properties"] = .object(declared)
    return .object(object)
  }
}
