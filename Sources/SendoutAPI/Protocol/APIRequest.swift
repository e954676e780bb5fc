import SendoutCore

/// One call to the mock API as an endpoint sees it: the matched operation, its path parameters, the query and
/// the JSON body, already checked against the operation's request shape (`APIRequestShape`), with readers
/// (APIRequest+Fields.swift).
package struct APIRequest: Sendable {
  /// The spec operation.
  package let operation: APIOperation
  /// Path parameters, decoded.
  package let parameters: [String: String]
  /// Query parameters, decoded (the last value of a repeated name).
  package let query: [String: String]
  /// The body; `{}` when there was none (the official SDKs send `content-type: application/json` with no body).
  package let body: JSON
  /// The server's own URL (`http://127.0.0.1:8091`), for answers that link back to it (an export's `result.url`);
  /// empty in process, where such links are paths.
  package var origin = ""
  /// The call's request id, for an operation that keeps it (an async action's `request_id`); `nil` otherwise.
  package var requestID: String?
  /// The call's time on serve's clock, for an operation that keeps it (an async action falls due after it).
  package var calledAt: Timestamp?

  /// A request for `operation` with its decoded parameters, query and body.
  package init(operation: APIOperation, parameters: [String: String], query: [String: String], body: JSON) {
    self.operation = operation
    self.parameters = parameters
    self.query = query
    self.body = body
  }

  /// Who makes the call, as its events' `event_source.channel` names it: `CLIENT_API` for a client-side operation
  /// (`/client/v1/…`, the client keys), else `API`.
  package var channel: EventChannel { operation.auth == .client ? .clientAPI : .api }

  /// Path parameter `name` (the router guarantees it).
  package func parameter(_ name: String) -> String { parameters[name] ?? "" }

  /// A 400 for field `path` of the wrong type.
  package static func invalid(_ path: String, _ expected: String, _ found: JSON, errorKey: String) -> VoucherifyError {
    VoucherifyError(
      status: 400, key: errorKey, message: "Invalid payload",
      details: "at `\(path)`: expected \(expected), found \(found.typeName)")
  }
}
