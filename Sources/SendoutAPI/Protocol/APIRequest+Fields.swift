import SendoutCore

/// Readers for nested body fields by dotted path (`voucher.code_config.prefix`), `nil` when absent or null.
///
/// The typed readers without an `errorKey` are for fields whose type the request check generated from the spec
/// guarantees before the endpoint runs (`APIRequestShape`; APIRequestGuaranteeTests lists each one read so). The
/// readers with an `errorKey` still check, with Voucherify's 400 naming the field path: a format (`time`), the
/// values the mock simulates (`choice`), a non-empty string (`required`), or a type where the spec is looser than
/// the mock (an integer the spec calls a number) or says nothing.
extension APIRequest {
  /// The body value at `path`; `nil` when absent or null.
  func value(at path: String) -> JSON? {
    guard let value = body.value(atPath: path), value != .null else { return nil }
    return value
  }

  /// The string at `path` (its type checked by the request check).
  func string(at path: String) -> String? { value(at: path)?.stringValue }

  /// The integer at `path` (its type checked by the request check).
  func int(at path: String) -> Int? { value(at: path)?.intValue }

  /// The number at `path` (its type checked by the request check).
  func number(at path: String) -> Double? { value(at: path)?.doubleValue }

  /// The boolean at `path` (its type checked by the request check).
  func bool(at path: String) -> Bool? { value(at: path)?.boolValue }

  /// The object at `path` (its type checked by the request check).
  func object(at path: String) -> JSONObject? { value(at: path)?.objectValue }

  /// The array at `path` (its type checked by the request check).
  func array(at path: String) -> [JSON]? { value(at: path)?.arrayValue }

  /// A string at `path`.
  func string(at path: String, errorKey: String) throws(VoucherifyError) -> String? {
    guard let value = value(at: path) else { return nil }
    guard let text = value.stringValue else { throw Self.invalid(path, "a string", value, errorKey: errorKey) }
    return text
  }

  /// An integer at `path` (`10.0` counts; `"10"` does not).
  func int(at path: String, errorKey: String) throws(VoucherifyError) -> Int? {
    guard let value = value(at: path) else { return nil }
    guard case .int = value, let number = value.intValue else {
      throw Self.invalid(path, "an integer", value, errorKey: errorKey)
    }
    return number
  }

  /// An ISO 8601 UTC time at `path` (`2024-01-01`, `2024-01-01T00:00:00Z`, or with `+00:00`).
  func time(at path: String, errorKey: String) throws(VoucherifyError) -> Timestamp? {
    guard let text = try string(at: path, errorKey: errorKey) else { return nil }
    let zulu = text.hasSuffix("+00:00") ? String(text.dropLast(6)) + "Z" : text
    guard let time = Timestamp(iso8601: zulu) else {
      throw VoucherifyError(
        status: 400, key: errorKey, message: "Invalid payload",
        details: "at `\(path)`: expected an ISO 8601 UTC time like 2024-01-01T00:00:00Z, got '\(text)'")
    }
    return time
  }

  /// An object at `path`.
  func object(at path: String, errorKey: String) throws(VoucherifyError) -> JSONObject? {
    guard let value = value(at: path) else { return nil }
    guard let object = value.objectValue else { throw Self.invalid(path, "an object", value, errorKey: errorKey) }
    return object
  }

  /// One of `allowed` at `path`, or a 400 listing them.
  func choice(at path: String, _ allowed: [String], errorKey: String) throws(VoucherifyError) -> String? {
    guard let text = try string(at: path, errorKey: errorKey) else { return nil }
    guard allowed.contains(text) else {
      throw VoucherifyError(
        status: 400, key: errorKey, message: "Invalid payload",
        details: "at `\(path)`: '\(text)' is not one of \(allowed.joined(separator: ", "))")
    }
    return text
  }

  /// A required string at `path`, or a 400 saying it is required.
  func required(_ path: String, errorKey: String) throws(VoucherifyError) -> String {
    guard let text = try string(at: path, errorKey: errorKey), !text.isEmpty else {
      throw VoucherifyError(status: 400, key: errorKey, message: "Invalid payload", details: "`\(path)` is required")
    }
    return text
  }

  /// Whether query flag `name` is `true` (`force=true`, or a bare `force`); the request check refuses a value other
  /// than true or false for every flag an endpoint reads.
  func flag(_ name: String) -> Bool { query[name] == "true" || query[name] == "" }
}
