import SendoutCore
import SendoutIO

/// One call to the mock API as an endpoint sees it: the matched operation, its path parameters, the query and
/// the JSON body, already checked against the operation's request shape (`APIRequestShape`), with readers
/// (APIRequest+Fields.swift).
struct APIRequest: Sendable {
  /// The spec operation.
  let operation: APIOperation
  /// Path parameters, decoded.
  let parameters: [String: String]
  /// Query parameters, decoded (the last value of a repeated name).
  let query: [String: String]
  /// The body; `{}` when there was none (the official SDKs send `content-type: application/json` with no body).
  let body: JSON

  /// Path parameter `name` (the router guarantees it).
  func parameter(_ name: String) -> String { parameters[name] ?? "" }

  /// A 400 for field `path` of the wrong type.
  static func invalid(_ path: String, _ expected: String, _ found: JSON, errorKey: String) -> VoucherifyError {
    VoucherifyError(
      status: 400, key: errorKey, message: "Invalid payload",
      details: "at `\(path)`: expected \(expected), found \(found.typeName)")
  }
}
