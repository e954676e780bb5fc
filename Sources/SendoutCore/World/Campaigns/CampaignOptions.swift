/// The campaign settings that creation (`CampaignSpec`) and an update (`CampaignEdit`) share: each `nil` (or empty)
/// one is left to the type's default at creation, or unchanged by an update.
public struct CampaignOptions: Sendable {
  /// `type`: `AUTO_UPDATE` or `STATIC` (how codes are generated).
  public var generation: String?
  /// `auto_join`.
  public var autoJoin: Bool?
  /// `join_once`.
  public var joinOnce: Bool?
  /// An existing category's id (a missing one is a 404).
  public var categoryID: String?
  /// A category by name: an existing one, or a new one of that name; used when `categoryID` is `nil`.
  public var categoryName: String?
  /// `Campaign.settings` members to set, kept as given.
  public var settings: JSONObject = [:]

  /// No option set.
  public init() {}
}
