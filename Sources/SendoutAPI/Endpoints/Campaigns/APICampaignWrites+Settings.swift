import SendoutCore

/// The campaign settings that create and update share (`POST /v1/campaigns`, `PUT /v1/campaigns/{id}` and their
/// `/v1/loyalties` forms): each is kept as the application sent it (issue 19's rule) and answered back.
extension APICampaignWrites {
  /// Settings kept and answered back as given (`Campaign.settings`); docs/serve-fidelity.md says which are evaluated.
  static let keptSettings = [
    "validity_timeframe", "validity_day_of_week", "validity_hours", "activity_duration_after_publishing",
    "use_voucher_metadata_schema", "loyalty_tiers_expiration",
  ]

  /// `type`, `auto_join`, `join_once`, `category_id` / `category`, the kept settings and a loyalty card's
  /// `voucher.loyalty_card.expiration_rules`, into `spec`.
  static func readSettings(_ request: APIRequest, into spec: inout CampaignSpec) {
    spec.options = edit(request).options
    if let rules = request.value(at: "voucher.loyalty_card.expiration_rules") {
      spec.valueSettings["expiration_rules"] = rules
    }
  }

  /// What an update body changes: `description`, `metadata` (merged), `unset_metadata_fields`, `start_date`,
  /// `expiration_date`, `type`, `auto_join`, `join_once`, `category_id` / `category` and the kept settings.
  static func edit(_ request: APIRequest) -> CampaignEdit {
    var edit = CampaignEdit()
    edit.description = request.string(at: "description")
    edit.metadata = request.object(at: "metadata") ?? [:]
    edit.unsetMetadata = request.array(at: "unset_metadata_fields")?.compactMap(\.stringValue) ?? []
    edit.options.generation = request.string(at: "type")
    edit.options.autoJoin = request.bool(at: "auto_join")
    edit.options.joinOnce = request.bool(at: "join_once")
    edit.options.categoryID = request.string(at: "category_id")
    edit.options.categoryName = edit.options.categoryID == nil ? request.string(at: "category") : nil
    for key in keptSettings {
      if let value = request.value(at: key), value != .null { edit.options.settings[key] = value }
    }
    return edit
  }
}
