extension World {
  /// The event-id format for an event type: `evcus_` for customer events, `evred_` redemptions, `evvou_` vouchers…
  static func eventIDFormat(for type: String) -> IDFormat {
    if type.hasPrefix("customer.") { return .customerEvent }
    if type.hasPrefix("redemption.") { return .redemptionEvent }
    if type.hasPrefix("voucher.") { return .voucherEvent }
    if type.hasPrefix("campaign.") { return .campaignEvent }
    if type.hasPrefix("business_validation_rule.") { return .validationRuleEvent }
    if type.hasPrefix("publication.") { return .publicationEvent }
    return .distributionEvent
  }

  /// Records an event of the current request and returns it.
  @discardableResult
  mutating func emit(
    _ type: String, entity: String, _ data: JSONObject, purposeKeys: [String: Set<DistributionPurpose>] = [:],
    overrides: [DistributionPurpose: JSONObject] = [:]
  ) -> WorldEvent {
    tick()
    var event = WorldEvent(
      type: type, createdAt: now, eventID: make(World.eventIDFormat(for: type)), entityID: entity,
      groupID: request.groupID, channel: request.channel.rawValue,
      userID: request.channel == .userPortal ? userID : nil, fullData: data, purposeKeys: purposeKeys)
    event.purposeOverrides = overrides
    switch request.channel {
    case .api: event.apiKey = ("Primary", appID)
    case .clientAPI: event.apiKey = ("Client-side", clientAppID)
    case .userPortal, .internal: break
    }
    if keepsLog { log.append(event) }
    recordMemberActivity(event)
    pending.append(event)
    recordActivity(event)
    return event
  }

  /// A redemption's `channel.channel_id` for a call on `channel`: the dashboard user, or the app id of the key the
  /// call carried (`X-App-Id`, or `X-Client-Application-Id` for a client-side call, whose `channel_type` is `API`:
  /// the spec's enum has no client-side type).
  func channelID(for channel: EventChannel) -> String {
    switch channel {
    case .userPortal: userID
    case .clientAPI: clientAppID
    case .api, .internal: appID
    }
  }

  /// `SimpleEvent` of an emitted event, as earning details and transactions reference it.
  func simpleEventJSON(_ e: WorldEvent, withSource: Bool = false) -> JSONObject {
    var o: JSONObject = [
      "id": .string(e.eventID), "type": .string(e.type), "category": "EFFECT", "entity_id": .string(e.entityID),
      "created_at": .time(e.createdAt), "group_id": .string(e.groupID),
    ]
    if withSource {
      var source: JSONObject = ["channel": .string(e.channel)]
      if let u = e.userID { source["user"] = ["id": .string(u)] }
      if let k = e.apiKey { source["api_key"] = ["name": .string(k.name), "app_id": .string(k.appID)] }
      o["event_source"] = .object(source)
    }
    return o
  }

  /// The purpose-dependent objects a distribution event carries for `customerID`: `campaign`, `voucher` and
  /// `publication` (a code published by the distribution) and `promotion_tier`, with the purposes that send them.
  mutating func purposeObjects(for customerID: String) throws(VoucherifyError) -> (
    members: [JSONMember], keys: [String: Set<DistributionPurpose>], overrides: [DistributionPurpose: JSONObject]
  ) {
    var members: [JSONMember] = []
    var keys: [String: Set<DistributionPurpose>] = [:]
    var overrides: [DistributionPurpose: JSONObject] = [:]
    var promoCampaign: JSONObject?
    var promoTier: JSONObject?
    if let tid = distributionPromotionTierID, let tier = promotionTiers[id: tid],
      let camp = campaigns[id: tier.campaignID]
    {
      promoCampaign = camp.simpleJSON
      promoTier = tier.simpleJSON
    }
    if let cid = distributionCampaignID,
      let (pub, v) = try? publishVoucher(campaignID: cid, customerID: customerID, channel: "Automation")
    {
      let distribution = distributions.first { $0.campaignID == cid }?.id ?? ""
      let pi = try position(in: publications, pub.id, "publication")
      publications[pi].metadata = [
        "source_type": "distribution", "source_id": .string(distribution), "distribution_id": .string(distribution),
      ]
      let pub = publications[pi]
      members.append(
        JSONMember("campaign", .object(campaigns[try position(in: campaigns, cid, "campaign")].simpleJSON)))
      members.append(JSONMember("voucher", .object(v.simpleJSON)))
      members.append(JSONMember("publication", .object(pub.json(customer: try customerRef(customerID), voucher: nil))))
      keys["campaign"] = [.notifyAboutPromotion, .sendUniqueCodes]
      keys["voucher"] = [.sendUniqueCodes]
      keys["publication"] = [.sendUniqueCodes]
      if let promoCampaign { overrides[.notifyAboutPromotion] = ["campaign": .object(promoCampaign)] }
    } else if let promoCampaign {
      members.append(JSONMember("campaign", .object(promoCampaign)))
      keys["campaign"] = [.notifyAboutPromotion]
    }
    if let promoTier {
      members.append(JSONMember("promotion_tier", .object(promoTier)))
      keys["promotion_tier"] = [.notifyAboutPromotion]
    }
    return (members, keys, overrides)
  }
}

extension World {
  /// The event the current request emitted last (e.g. `customer.order.paid` right after `emitOrder`).
  func lastEmitted() throws(VoucherifyError) -> WorldEvent {
    guard let event = pending.last else { throw .invalidPayload("the operation emitted no event") }
    return event
  }
}
