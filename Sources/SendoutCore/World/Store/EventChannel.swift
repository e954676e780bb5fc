/// Who caused an event (`event.event_source.channel`).
public enum EventChannel: String, Sendable, CaseIterable {
  /// A server-side API call with the secret key.
  case api = "API"
  /// A user in the Voucherify dashboard.
  case userPortal = "USER_PORTAL"
  /// A client-side API call with the publishable key.
  case clientAPI = "CLIENT_API"
  /// Voucherify itself (automations, schedules, expirations).
  case `internal` = "INTERNAL"
}
