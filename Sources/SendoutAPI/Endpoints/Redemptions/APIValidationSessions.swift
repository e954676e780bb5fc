import SendoutCore

/// `DELETE /v1/vouchers/{code}/sessions/{sessionKey}`: releases a validation session's lock on a voucher. The mock
/// keeps no sessions: a validation locks nothing and its answer carries no `session` (docs/serve-fidelity.md), so
/// there is never a lock to undo. Releasing is therefore idempotent, as releasing an already released session is:
/// 204 for any key of a voucher that exists, the voucher's 404 otherwise; the world is left as it was.
enum APIValidationSessions {
  /// The operations, by `operationId`.
  static let endpoints: [String: APIEndpoints.Handler] = ["release-validation-session": release]

  /// 204 when the voucher `code` names (code or id) exists.
  static func release(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    _ = try APIEndpoints.voucher(request.parameter("code"), in: world)
    return APIAnswer(body: .null)
  }
}
