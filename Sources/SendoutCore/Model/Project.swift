/// A project of the organization (`proj_…`, Management API): its settings as sent over Voucherify's defaults. One of
/// them is the project `sendout serve` serves (its keys, webhooks and world); the others are kept and listed only.
public struct Project: Sendable, Equatable, Identifiable {
  /// `proj_…`.
  public var id: String
  /// The settings (`ManagementProjectBase` and the fields a creation adds), in the spec's order.
  public var settings: JSONObject
  /// Whether this is the project the mock serves (it cannot be deleted).
  public var served: Bool
  /// The server-side and client-side keys a creation answers with, once.
  public var keys: JSONObject

  /// Voucherify's settings of a project the request does not set (the spec's example project).
  public static let defaults: JSONObject = [
    "name": .null, "description": .null, "currency": "USD", "timezone": "UTC", "cluster_id": "eu1",
    "api_version": "v2018-08-01", "case_sensitive_codes": true, "client_trusted_domains": [],
    "client_redeem_enabled": false, "client_publish_enabled": false, "client_list_vouchers_enabled": false,
    "client_create_customer_enabled": false, "client_loyalty_events_enabled": false,
    "client_set_voucher_expiration_date_enabled": false, "api_usage_notifications": [:],
    "webhooks_callout_notifications": [:], "default_code_config": .null, "is_sandbox": false,
    "webhook_version": "v2024-01-01",
  ]

  /// `ManagementProject`; the webhook token (the signing secret) is never shown.
  public var json: JSONObject {
    var o: JSONObject = ["id": .string(id)]
    o.merge(settings)
    o["webhook_token"] = .null
    return o
  }
}
