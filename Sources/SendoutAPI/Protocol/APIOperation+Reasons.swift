/// Why an operation of the spec answers 501, one line each (`sendout serve --coverage`, docs/serve-coverage.md and
/// the 501's `details` give it). An operation without a line here is one nobody has simulated yet.
extension APIOperation {
  /// The one line given for a 501 without a reason of its own.
  public static let defaultReason = "not simulated yet"

  /// Why each of these operations answers 501, by `operationId` (a reason for a simulated operation is stale: a
  /// test fails).
  public static let reasons: [String: String] = templates.merging(settings) { first, _ in first }
    .merging(management) { first, _ in first }

  /// Why `id` answers 501: its own reason, or the default.
  public static func reason(_ id: String) -> String { reasons[id] ?? defaultReason }

  private static let templates = [
    "create-campaign-from-template":
      "a template keeps its name, type and source, not the campaign setup a new campaign would copy",
    "add-tier-from-template": "a template keeps its name, type and source, not the tier setup a new tier would copy",
  ]

  private static let settings = [
    "list-locations": "locations are drawn in the dashboard (no API call creates one), so the mock has none to list",
    "get-location": "locations are drawn in the dashboard (no API call creates one), so the mock has none to read",
  ]

  private static let management = Dictionary(
    uniqueKeysWithValues: [
      "list-projects", "create-project", "get-project", "update-project", "delete-project", "list-users",
      "assign-user", "get-user", "update-user", "unassign-user", "invite-user", "management-list-campaign-templates",
      "management-copy-campaign-template", "list-stacking-rules", "create-stacking-rules", "get-stacking-rules",
      "update-stacking-rules", "delete-stacking-rules",
    ].map { ($0, "Management API: the mock serves one project and keeps only its webhooks, no project settings") })
}
