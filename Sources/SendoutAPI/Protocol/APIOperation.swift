/// One operation of Voucherify's REST API as the official spec declares it: what `sendout serve` routes a
/// request to. The whole table is `APIOperation.spec`, generated from the spec.
public struct APIOperation: Sendable, Hashable {
  /// Which keys a call must carry.
  public enum Auth: String, Sendable, Hashable {
    /// Server-side: `X-App-Id` and `X-App-Token`.
    case server
    /// Client-side (`/client/v1/…`): `X-Client-Application-Id` and `X-Client-Token`.
    case client
    /// Management API (`/management/v1/…`): `X-Management-Id` and `X-Management-Token`.
    case management
  }

  /// `GET`, `POST`, `PUT` or `DELETE`.
  public let method: String
  /// The path template, e.g. `/v1/vouchers/{code}`.
  public let template: String
  /// The spec's `operationId`, e.g. `get-voucher`.
  public let operationID: String
  /// The keys the call authenticates with.
  public let auth: Auth
  /// The status of a successful answer (200, 202 or 204).
  public let successStatus: Int

  /// An operation of the table.
  init(_ method: String, _ template: String, _ operationID: String, _ auth: Auth, _ successStatus: Int) {
    self.method = method
    self.template = template
    self.operationID = operationID
    self.auth = auth
    self.successStatus = successStatus
  }
}
