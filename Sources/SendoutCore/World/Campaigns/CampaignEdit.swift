/// What `World.updateCampaign(_:_:channel:)` changes: each field that is not `nil` (or empty) replaces the campaign's,
/// `metadata` merges into it and `unsetMetadata` removes keys; the rest stays as it is.
public struct CampaignEdit: Sendable {
  /// New description.
  public var description: String?
  /// Metadata members to set (merged into the campaign's).
  public var metadata: JSONObject = [:]
  /// Metadata keys to remove (`unset_metadata_fields`).
  public var unsetMetadata: [String] = []
  /// New start.
  public var startDate: Timestamp?
  /// New end.
  public var expirationDate: Timestamp?
  /// `type`, `auto_join`, `join_once`, the category and the settings kept as sent (merged).
  public var options = CampaignOptions()

  /// An edit that changes nothing yet.
  public init() {}
}
