import Foundation
import SendoutCore

extension SchemaValidator {
  /// One validation run: applies each keyword on its own and collects failures the way Python's
  /// `jsonschema` `iter_errors` does (`$ref` and `allOf` flattened, a failed `anyOf`/`oneOf` is one failure).
  struct Context {
    let validator: SchemaValidator
    let options: Options
    var structure: Bool { options.mode == .structure }

    init(validator: SchemaValidator, options: Options) {
      self.validator = validator
      self.options = options
    }

    func validate(_ instance: JSON, _ schema: JSON, path: [String]) -> [Failure] {
      switch schema {
      case .bool(true): return []
      case .bool(false): return [failure(path, "No value is allowed here")]
      case .object(let keywords): return validate(instance, keywords, path: path)
      default: return [failure(path, "Malformed schema \(schema.compactString.prefix(60))")]
      }
    }

    private func validate(_ instance: JSON, _ schema: JSONObject, path: [String]) -> [Failure] {
      if instance.isNull && (structure || (options.honorsNullable && schema["nullable"] == .bool(true))) { return [] }
      var failures: [Failure] = []
      for member in schema.members {
        failures += apply(member.key, member.value, to: instance, in: schema, path: path)
      }
      return failures
    }

    // swift-format-ignore: CyclomaticComplexity
    private func apply(_ keyword: String, _ value: JSON, to instance: JSON, in schema: JSONObject, path: [String])
      -> [Failure]
    {
      switch keyword {
      case "$ref": return ref(value, instance, path)
      case "type": return type(value, instance, path)
      case "properties": return properties(value, instance, path)
      case "required": return required(value, instance, path)
      case "additionalProperties": return additionalProperties(value, schema, instance, path)
      case "items": return items(value, instance, path)
      case "enum": return enumeration(value, instance, path)
      case "const": return constant(value, instance, path)
      case "allOf": return (value.arrayValue ?? []).flatMap { validate(instance, $0, path: path) }
      case "anyOf": return anyOf(value, instance, path)
      case "oneOf": return structure ? anyOf(value, instance, path) : oneOf(value, instance, path)
      case "format": return options.checksFormats ? format(value, instance, path) : []
      case "minimum", "maximum": return structure ? [] : bound(keyword, value, instance, path)
      case "minItems", "maxItems", "minLength", "maxLength", "maxProperties", "minProperties":
        return structure ? [] : size(keyword, value, instance, path)
      case "pattern": return structure ? [] : pattern(value, instance, path)
      default: return []
      }
    }

    private func ref(_ value: JSON, _ instance: JSON, _ path: [String]) -> [Failure] {
      let prefix = "#/components/schemas/"
      guard let ref = value.stringValue, ref.hasPrefix(prefix),
        let target = validator.schemas[String(ref.dropFirst(prefix.count))]
      else { return [failure(path, "Unresolvable $ref \(value.compactString)")] }
      return validate(instance, target, path: path)
    }

    private func type(_ value: JSON, _ instance: JSON, _ path: [String]) -> [Failure] {
      let names = value.arrayValue?.compactMap(\.stringValue) ?? [value.stringValue].compactMap { $0 }
      if names.contains(where: { Context.matches(instance, type: $0) }) { return [] }
      let expected = names.count == 1 ? names[0] : "one of \(names.joined(separator: ", "))"
      return [failure(path, "Expected \(expected), found \(Context.describe(instance))")]
    }

    static func matches(_ instance: JSON, type name: String) -> Bool {
      switch (name, instance) {
      case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object): true
      case ("number", .int), ("number", .double), ("integer", .int): true
      case ("integer", .double(let d)): d.isFinite && d.rounded() == d
      default: false
      }
    }

    private func properties(_ value: JSON, _ instance: JSON, _ path: [String]) -> [Failure] {
      guard let object = instance.objectValue, let declared = value.objectValue else { return [] }
      var failures: [Failure] = []
      for member in object.members {
        guard let schema = declared[member.key] else { continue }
        failures += validate(member.value, schema, path: path + [member.key])
        if structure && member.key == "id" {
          failures += idPrefix(schema, member.value, discriminator: object["object"]?.stringValue, path + [member.key])
        }
      }
      return failures
    }

    /// Structure mode: an `id` must carry its object's prefix (`SchemaValidator.idPrefixes`), or else
    /// the prefix of the schema's example id; letters before `_` may extend it (`rf_`, `rr_`, `rrf_` for `r_`).
    private func idPrefix(_ schema: JSON, _ instance: JSON, discriminator: String?, _ path: [String]) -> [Failure] {
      // A redeemable's `id` is the code it names, not a `v_…` id (the spec's validation examples: "GNcuPKGe"; a
      // qualification's: "For a voucher, it's its `code` value").
      let description = schema["description"]?.stringValue ?? ""
      if description.contains("i.e. the voucher code") || description.contains("it's its `code` value") { return [] }
      // A bin entry's `object` is its resource's type, its `id` the entry's own `tbe_…` (`TrashBinItem`).
      if description.contains("the trash bin entry") { return [] }
      guard let id = instance.stringValue,
        let expected = discriminator.flatMap({ SchemaValidator.idPrefixes[$0] })
          ?? schema["example"]?.stringValue.flatMap(Context.letterPrefix)
      else { return [] }
      if let actual = Context.letterPrefix(id), actual.hasPrefix(expected) { return [] }
      return [failure(path, "Expected an id starting with \"\(expected)…_\", found \"\(id)\"")]
    }

    /// `cust` for `cust_123`; `nil` unless lowercase ASCII letters precede the first `_`.
    static func letterPrefix(_ id: String) -> String? {
      guard let underscore = id.firstIndex(of: "_"), underscore > id.startIndex,
        id[..<underscore].allSatisfy({ $0.isASCII && $0.isLowercase })
      else { return nil }
      return String(id[..<underscore])
    }

    private func required(_ value: JSON, _ instance: JSON, _ path: [String]) -> [Failure] {
      guard let object = instance.objectValue, !structure || path.isEmpty else { return [] }
      return (value.arrayValue ?? []).compactMap(\.stringValue).filter { object[$0] == nil }.map {
        failure(path, "Missing required key \"\($0)\"")
      }
    }

    private func additionalProperties(_ value: JSON, _ schema: JSONObject, _ instance: JSON, _ path: [String])
      -> [Failure]
    {
      guard let object = instance.objectValue, !structure || path.isEmpty else { return [] }
      let declared = schema["properties"]?.objectValue
      let extra = object.members.filter { declared?[$0.key] == nil }
      if extra.isEmpty { return [] }
      if value == .bool(false) {
        let names = extra.map { "\"\($0.key)\"" }.joined(separator: ", ")
        return [failure(path, "Unexpected key\(extra.count == 1 ? "" : "s") \(names)")]
      }
      return extra.flatMap { validate($0.value, value, path: path + [$0.key]) }
    }

    private func items(_ value: JSON, _ instance: JSON, _ path: [String]) -> [Failure] {
      guard let elements = instance.arrayValue else { return [] }
      return elements.enumerated().flatMap { validate($0.element, value, path: path + [String($0.offset)]) }
    }

    private func enumeration(_ value: JSON, _ instance: JSON, _ path: [String]) -> [Failure] {
      if structure && path.last != "object" { return [] }
      let allowed = value.arrayValue ?? []
      if allowed.contains(where: { Context.equal($0, instance) }) { return [] }
      let list = allowed.prefix(8).map(\.compactString).joined(separator: ", ")
      return [
        failure(path, "\(instance.compactString.prefix(80)) is not one of \(list)\(allowed.count > 8 ? ", …" : "")")
      ]
    }

    private func constant(_ value: JSON, _ instance: JSON, _ path: [String]) -> [Failure] {
      if structure && path.last != "object" { return [] }
      if Context.equal(value, instance) { return [] }
      return [failure(path, "Expected \(value.compactString), found \(instance.compactString.prefix(80))")]
    }

    private func anyOf(_ value: JSON, _ instance: JSON, _ path: [String]) -> [Failure] {
      let branches = value.arrayValue ?? []
      if branches.contains(where: { validate(instance, $0, path: path).isEmpty }) { return [] }
      return [failure(path, "Matches none of the \(branches.count) alternatives")]
    }

    private func oneOf(_ value: JSON, _ instance: JSON, _ path: [String]) -> [Failure] {
      let branches = value.arrayValue ?? []
      let matching = branches.indices.filter { validate(instance, branches[$0], path: path).isEmpty }
      switch matching.count {
      case 1: return []
      case 0: return [failure(path, "Matches none of the \(branches.count) oneOf alternatives")]
      default:
        return [
          failure(
            path, "Matches oneOf alternatives \(matching.map(String.init).joined(separator: ", ")), not exactly one")
        ]
      }
    }

    private func format(_ value: JSON, _ instance: JSON, _ path: [String]) -> [Failure] {
      guard let text = instance.stringValue, let name = value.stringValue,
        let valid = SchemaValidator.checkFormat(name, text), !valid
      else { return [] }
      return [failure(path, "\"\(text.prefix(60))\" is not a valid \(name)")]
    }

    private func bound(_ keyword: String, _ value: JSON, _ instance: JSON, _ path: [String]) -> [Failure] {
      guard let limit = value.doubleValue, let number = instance.doubleValue else { return [] }
      let ok = keyword == "minimum" ? number >= limit : number <= limit
      return ok
        ? []
        : [
          failure(
            path,
            "\(instance.compactString) is \(keyword == "minimum" ? "below the minimum" : "above the maximum") \(value.compactString)"
          )
        ]
    }

    private func size(_ keyword: String, _ value: JSON, _ instance: JSON, _ path: [String]) -> [Failure] {
      guard let limit = value.intValue else { return [] }
      let count: Int?
      switch (keyword, instance) {
      case ("minItems", .array(let a)), ("maxItems", .array(let a)): count = a.count
      case ("minLength", .string(let s)), ("maxLength", .string(let s)): count = s.unicodeScalars.count
      case ("minProperties", .object(let o)), ("maxProperties", .object(let o)): count = o.count
      default: count = nil
      }
      guard let count else { return [] }
      let ok = keyword.hasPrefix("min") ? count >= limit : count <= limit
      return ok ? [] : [failure(path, "Has \(count), \(keyword) is \(limit)")]
    }

    private func pattern(_ value: JSON, _ instance: JSON, _ path: [String]) -> [Failure] {
      guard let text = instance.stringValue, let source = value.stringValue else { return [] }
      guard let regex = try? NSRegularExpression(pattern: source) else {
        return [failure(path, "Unsupported pattern \"\(source)\"")]
      }
      let range = NSRange(text.startIndex..., in: text)
      if regex.firstMatch(in: text, range: range) != nil { return [] }
      return [failure(path, "\"\(text.prefix(60))\" does not match the pattern \"\(source)\"")]
    }

    private func failure(_ path: [String], _ reason: String) -> Failure {
      Failure(path: path.joined(separator: "."), reason: reason)
    }

    static func describe(_ instance: JSON) -> String {
      switch instance {
      case .string(let s): "string \"\(s.prefix(40))\""
      case .int, .double, .bool: "\(instance.typeName) \(instance.compactString)"
      default: instance.typeName
      }
    }

    /// JSON equality as JSON Schema defines it: numbers by value, objects regardless of key order.
    static func equal(_ a: JSON, _ b: JSON) -> Bool {
      switch (a, b) {
      case (.int, .int), (.int, .double), (.double, .int), (.double, .double): a.doubleValue == b.doubleValue
      case (.array(let x), .array(let y)): x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
      case (.object(let x), .object(let y)):
        x.count == y.count && x.members.allSatisfy { m in y[m.key].map { equal(m.value, $0) } ?? false }
      default: a == b
      }
    }
  }
}
