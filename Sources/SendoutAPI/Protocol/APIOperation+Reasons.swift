/// Why an operation of the spec answers 501, one line each (`sendout serve --coverage`, docs/serve-coverage.md and
/// the 501's `details` give it). An operation without a line here is one nobody has simulated yet.
extension APIOperation {
  /// The one line given for a 501 without a reason of its own.
  public static let defaultReason = "not simulated yet"

  /// Why each of these operations answers 501, by `operationId` (a reason for a simulated operation is stale: a
  /// test fails).
  public static let reasons: [String: String] = [
    "list-locations": "locations are drawn in the dashboard (no API call creates one), so the mock has none to list",
    "get-location": "locations are drawn in the dashboard (no API call creates one), so the mock has none to read",
  ]

  /// Why `id` answers 501: its own reason, or the default.
  public static func reason(_ id: String) -> String { reasons[id] ?? defaultReason }

}
