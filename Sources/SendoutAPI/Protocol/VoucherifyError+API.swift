import SendoutCore

extension VoucherifyError {
  /// 401: the keys are missing or wrong. (Voucherify's exact key and message for this are not documented.)
  public static func unauthorized(_ headers: String) -> VoucherifyError {
    VoucherifyError(status: 401, key: "unauthorized", message: "Unauthorized", details: "Missing or invalid \(headers)")
  }

  /// 404 for a path that is no operation of the spec.
  public static func noRoute(method: String, path: String) -> VoucherifyError {
    VoucherifyError(
      status: 404, key: "not_found", message: "Resource not found",
      details: "No operation of the Voucherify API matches \(method) \(path)")
  }

  /// 405, worded like the errors reference's example.
  public static func methodNotAllowed(_ method: String, allowed: [String]) -> VoucherifyError {
    VoucherifyError(
      status: 405, key: "method_not_allowed", message: "HTTP Method Not Allowed",
      details: "\(method) is not supported by this endpoint. Did you mean \(allowed.joined(separator: " or "))?")
  }

  /// 501 for an operation of the spec that `sendout serve` does not simulate (never a silent 404).
  public static func notImplemented(_ operation: APIOperation) -> VoucherifyError {
    VoucherifyError.notSimulated(
      "\(operation.method) \(operation.template) (\(operation.operationID)) is not simulated by sendout serve"
        + (APIOperation.reasons[operation.operationID].map { ": \($0)" } ?? ""))
  }
}
