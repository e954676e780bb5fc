import SendoutCore

/// An error answer of the mock Voucherify API, written as the spec's `Error` body
/// (`{code, key, message, details, request_id, resource_id, resource_type}`). The statuses and keys follow
/// Voucherify's errors reference (https://docs.voucherify.io/reference/errors); see docs/design/serve.
public struct APIError: Error, Sendable, Equatable {
  /// The HTTP status, also the body's `code`.
  public var status: Int
  /// Voucherify's error key, e.g. `not_found`, `quantity_exceeded`.
  public var key: String
  /// The short message, e.g. "Resource not found".
  public var message: String
  /// What exactly was wrong.
  public var details: String?
  /// The id of the resource the error is about.
  public var resourceID: String?
  /// Its type, e.g. `voucher`.
  public var resourceType: String?

  /// Creates an error.
  public init(
    status: Int, key: String, message: String, details: String? = nil, resourceID: String? = nil,
    resourceType: String? = nil
  ) {
    self.status = status
    self.key = key
    self.message = message
    self.details = details
    self.resourceID = resourceID
    self.resourceType = resourceType
  }

  /// The body, with the request's id (`v-…`).
  public func body(requestID: String) -> JSON {
    var o = JSONObject()
    o.append("code", .int(status))
    o.append("key", .string(key))
    o.append("message", .string(message))
    o.append("details", details.map(JSON.string) ?? .null)
    o.append("request_id", .string(requestID))
    if let resourceID { o.append("resource_id", .string(resourceID)) }
    if let resourceType { o.append("resource_type", .string(resourceType)) }
    return .object(o)
  }

  /// 401: the keys are missing or wrong. (Voucherify's exact key and message for this are not documented.)
  public static func unauthorized(_ headers: String) -> APIError {
    APIError(status: 401, key: "unauthorized", message: "Unauthorized", details: "Missing or invalid \(headers)")
  }

  /// 404 for an unknown resource, as Voucherify answers it ("Cannot find voucher with id X").
  public static func notFound(_ type: String, id: String) -> APIError {
    APIError(
      status: 404, key: "not_found", message: "Resource not found", details: "Cannot find \(type) with id \(id)",
      resourceID: id, resourceType: type)
  }

  /// 404 for a path that is no operation of the spec.
  public static func noRoute(method: String, path: String) -> APIError {
    APIError(
      status: 404, key: "not_found", message: "Resource not found",
      details: "No operation of the Voucherify API matches \(method) \(path)")
  }

  /// 405, worded like the errors reference's example.
  public static func methodNotAllowed(_ method: String, allowed: [String]) -> APIError {
    APIError(
      status: 405, key: "method_not_allowed", message: "HTTP Method Not Allowed",
      details: "\(method) is not supported by this endpoint. Did you mean \(allowed.joined(separator: " or "))?")
  }

  /// 501 for an operation of the spec that `sendout serve` does not simulate (never a silent 404).
  public static func notImplemented(_ operation: APIOperation) -> APIError {
    APIError(
      status: 501, key: "not_implemented", message: "Not implemented",
      details:
        "\(operation.method) \(operation.template) (\(operation.operationID)) is not simulated by sendout serve")
  }
}
