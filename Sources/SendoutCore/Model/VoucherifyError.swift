/// "Voucherify refuses": one error for world rules, the stack, the mock API's endpoints and the scenario runner,
/// written as the spec's `Error` body (`{code, key, message, details, request_id, resource_id, resource_type}`)
/// by `body(requestID:)` only. Statuses and keys follow Voucherify's errors reference
/// (https://docs.voucherify.io/reference/errors) and the spec's failure codes (see docs/design/serve).
public struct VoucherifyError: Error, Sendable, Equatable {
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
  /// The message configured in a failed validation rule (`error.message` of the body).
  public var ruleMessage: String?

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
    if let ruleMessage { o.append("error", ["message": .string(ruleMessage)]) }
    return .object(o)
  }

  /// One line for the user of a scenario or the bench: the unknown object, or the rule and why.
  public var line: String {
    if key == "not_found", let resourceType, let resourceID {
      return "No \(resourceType) with id '\(resourceID)' exists in the world."
    }
    return "Operation not possible: \(details ?? message)"
  }

  /// 404 for an unknown resource, as Voucherify answers it ("Cannot find voucher with id X").
  public static func notFound(_ type: String, id: String) -> VoucherifyError {
    VoucherifyError(
      status: 404, key: "not_found", message: "Resource not found", details: "Cannot find \(type) with id \(id)",
      resourceID: id, resourceType: type)
  }

  /// The key of Voucherify's generic 400, for readers that take the key of their field's refusal.
  public static let invalidPayloadKey = "invalid_payload"

  /// 400 for a request (or a scenario step) that asks for something the rules do not allow or a value out of range.
  public static func invalidPayload(_ details: String) -> VoucherifyError {
    VoucherifyError(status: 400, key: invalidPayloadKey, message: "Invalid payload", details: details)
  }

  /// 501 for a part of a request that `sendout serve` does not simulate; `details` names it and what to do instead.
  public static func notSimulated(_ details: String) -> VoucherifyError {
    VoucherifyError(status: 501, key: "not_implemented", message: "Not implemented", details: details)
  }

  /// 409 for a resource whose unique name or code is taken.
  public static func duplicateFound(_ type: String, _ id: String, _ details: String) -> VoucherifyError {
    VoucherifyError(
      status: 409, key: "duplicate_found", message: "Duplicated resource found", details: details, resourceID: id,
      resourceType: type)
  }
}
