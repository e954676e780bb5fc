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
  /// `type`: `AUTO_UPDATE` or `STATIC`.
  public var generation: String?
  /// `auto_join`.
  public var autoJoin: Bool?
  /// `join_once`.
  public var joinOnce: Bool?
  /// An existing category's id.
  public var categoryID: String?
  /// A category by name: an existing one, or a new one of that name; used when `categoryID` is `nil`.
  public var categoryName: String?
  /// `Campaign.settings` members to set, kept as given.
  public var settings: JSONObject = [:]

  /// An edit that changes nothing yet.
  public init() {}
}
