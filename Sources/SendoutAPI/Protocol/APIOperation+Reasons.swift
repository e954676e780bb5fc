/// Why an operation of the spec answers 501, one line each (`sendout serve --coverage`, docs/serve-coverage.md and
/// the 501's `details` give it). An operation without a line here is one nobody has simulated yet.
extension APIOperation {
  /// The one line given for a 501 without a reason of its own.
  public static let defaultReason = "not simulated yet"

  /// Why each of these operations answers 501, by `operationId` (a reason for a simulated operation is stale: a
  /// test fails).
  public static let reasons: [String: String] = settings.merging(management) { first, _ in first }

  /// Why `id` answers 501: its own reason, or the default.
  public static func reason(_ id: String) -> String { reasons[id] ?? defaultReason }

  private static let settings = [
    "list-locations": "locations are drawn in the dashboard (no API call creates one), so the mock has none to list",
    "get-location": "locations are drawn in the dashboard (no API call creates one), so the mock has none to read",
    "list-metadata-schemas": "the mock checks no metadata against schemas, and keeps none",
    "get-metadata-schema": "the mock checks no metadata against schemas, and keeps none",
  ]

  private static let management = Dictionary(
    uniqueKeysWithValues: [
      "list-metadata-schemas-1", "create-metadata-schema",
      "get-metadata-schema-1", "update-metadata-schema", "delete-metadata-schema", "list-custom-event-schemas",
      "create-custom-event-schema", "get-custom-event-schema", "update-custom-event-schema",
      "delete-custom-event-schema",
    ].map { ($0, "Management API: the mock serves one project and keeps only its webhooks, no project settings") })
}
