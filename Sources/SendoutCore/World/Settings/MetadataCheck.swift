/// Checks metadata against a metadata schema's definitions, as Voucherify's schema validator keeps metadata
/// integrity (docs: "Metadata (custom fields)"): a definition not marked `optional` must be given when the resource is
/// created, and a value given must have the definition's type (an array of them when `array` is set). Deleted
/// definitions and keys the schema does not define are not checked; length and range criteria are kept, not enforced.
public enum MetadataCheck {
  /// Voucherify's 400 naming the first key of `metadata` (at `path`) that breaks `definitions`.
  public static func check(_ metadata: JSONObject, against definitions: JSONObject, at path: String, creating: Bool)
    throws(VoucherifyError)
  {
    for definition in definitions.members {
      guard let rule = definition.value.objectValue, rule["deleted"]?.boolValue != true,
        let type = rule["type"]?.stringValue
      else { continue }
      let field = "\(path).\(definition.key)"
      guard let value = metadata[definition.key], value != .null else {
        if creating && rule["optional"]?.boolValue == false {
          throw .invalidPayload("`\(field)` is required by the metadata schema")
        }
        continue
      }
      let values = rule["array"]?.boolValue == true ? value.arrayValue : [value]
      guard let values, values.allSatisfy({ matches($0, type) }) else {
        let expected = rule["array"]?.boolValue == true ? "an array of \(type)" : "a \(type)"
        throw .invalidPayload("`\(field)` must be \(expected) as the metadata schema defines it, got \(value)")
      }
    }
  }

  /// Whether `value` is of metadata type `type` (`date`: a YYYY-MM-DD day, `datetime`: an ISO 8601 time).
  static func matches(_ value: JSON, _ type: String) -> Bool {
    switch type {
    case "string", "image_url", "geopoint": return value.stringValue != nil
    case "number": return value.doubleValue != nil
    case "boolean": return value.boolValue != nil
    case "object": return value.objectValue != nil
    case "date":
      return value.stringValue.map { $0.count == 10 && Timestamp(iso8601: $0 + "T00:00:00Z") != nil } ?? false
    case "datetime": return value.stringValue.map(isTime) ?? false
    default: return true
    }
  }

  /// Whether `text` is an ISO 8601 time (`Z` or `+00:00`).
  private static func isTime(_ text: String) -> Bool {
    Timestamp(iso8601: text.hasSuffix("+00:00") ? String(text.dropLast(6)) + "Z" : text) != nil
  }
}
