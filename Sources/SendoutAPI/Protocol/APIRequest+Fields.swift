import SendoutCore

/// Readers for nested body fields by dotted path (`voucher.code_config.prefix`): `nil` when absent or null, and a
/// wrong type is Voucherify's 400 naming the field path and the type expected.
extension APIRequest {
  /// The body value at `path`; `nil` when absent or null.
  func value(at path: String) -> JSON? {
    guard let value = body.value(atPath: path), value != .null else { return nil }
    return value
  }

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

  /// A number at `path`.
  func number(at path: String, errorKey: String) throws(VoucherifyError) -> Double? {
    guard let value = value(at: path) else { return nil }
    guard let number = value.doubleValue else { throw Self.invalid(path, "a number", value, errorKey: errorKey) }
    return number
  }

  /// A boolean at `path`.
  func bool(at path: String, errorKey: String) throws(VoucherifyError) -> Bool? {
    guard let value = value(at: path) else { return nil }
    guard let flag = value.boolValue else { throw Self.invalid(path, "a boolean", value, errorKey: errorKey) }
    return flag
  }

  /// An object at `path`.
  func object(at path: String, errorKey: String) throws(VoucherifyError) -> JSONObject? {
    guard let value = value(at: path) else { return nil }
    guard let object = value.objectValue else { throw Self.invalid(path, "an object", value, errorKey: errorKey) }
    return object
  }

  /// An array at `path`.
  func array(at path: String, errorKey: String) throws(VoucherifyError) -> [JSON]? {
    guard let value = value(at: path) else { return nil }
    guard let array = value.arrayValue else { throw Self.invalid(path, "an array", value, errorKey: errorKey) }
    return array
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

  /// Whether query flag `name` is `true` (`force=true`); another value than true/false is a 400.
  func flag(_ name: String) throws(VoucherifyError) -> Bool {
    switch query[name] {
    case nil, "false"?: return false
    case "true"?, ""?: return true
    case let other?:
      throw VoucherifyError(
        status: 400, key: "invalid_query_params", message: "Invalid query params",
        details: "`\(name)` must be true or false, got '\(other)'")
    }
  }
}
