extension World {
  /// Puts a customer in a segment; emits `customer.segment.entered` (with the distribution's purpose objects).
  public mutating func enterSegment(customerID: String, segmentID: String) throws(VoucherifyError)
    -> Emitted<Segment>
  {
    _ = try position(in: customers, customerID, "customer")
    let si = try position(in: segments, segmentID, "segment")
    guard !segments[si].memberIDs.contains(customerID) else {
      throw .invalidPayload("customer is already in '\(segments[si].name)'")
    }
    begin(.internal)
    segments[si].memberIDs.append(customerID)
    try emitSegment("customer.segment.entered", customerID, si)
    return finish(segments[si])
  }

  /// Takes a customer out of a segment; emits `customer.segment.left`.
  public mutating func leaveSegment(customerID: String, segmentID: String) throws(VoucherifyError)
    -> Emitted<Segment>
  {
    let si = try position(in: segments, segmentID, "segment")
    guard segments[si].memberIDs.contains(customerID) else {
      throw .invalidPayload("customer is not in '\(segments[si].name)'")
    }
    begin(.internal)
    segments[si].memberIDs.removeAll { $0 == customerID }
    try emitSegment("customer.segment.left", customerID, si)
    return finish(segments[si])
  }

  private mutating func emitSegment(_ type: String, _ customerID: String, _ si: Int) throws(VoucherifyError) {
    var data: JSONObject = [
      "customer": .object(try self.customer(customerID).fullJSON), "segment": .object(segments[si].simpleJSON),
    ]
    let extra = try purposeObjects(for: customerID)
    for m in extra.members { data[m.key] = m.value }
    emit(type, entity: customerID, data, purposeKeys: extra.keys, overrides: extra.overrides)
  }

  /// Checks a custom event's `metadata` against the schema of the event `name` when one is defined; an event
  /// nobody defined takes any metadata (tracking it defines a schema with no properties).
  public func checkCustomEventMetadata(_ metadata: JSONObject, name: String) throws(VoucherifyError) {
    guard let known = customEventSchema(named: name) else { return }
    try MetadataCheck.check(metadata, against: known.properties, at: "metadata", creating: true)
  }

  /// Tracks a custom event for a customer; emits `customer.custom_event`. An event with a schema has its metadata
  /// checked against the schema's definitions (Voucherify validates event data against the event schema); one without
  /// gets a schema of its own, with no definitions.
  public mutating func trackCustomEvent(
    customerID: String, name: String, metadata: JSONObject = [:], channel: EventChannel = .api
  ) throws(VoucherifyError) -> Emitted<CustomEvent> {
    _ = try position(in: customers, customerID, "customer")
    try checkCustomEventMetadata(metadata, name: name)
    let known = customEventSchema(named: name)
    begin(channel)
    let schema: CustomEventSchema
    if let known {
      schema = known
    } else {
      schema = CustomEventSchema(id: make(.metadataSchema), name: name, createdAt: now)
      customEventSchemas.append(schema)
    }
    let e = CustomEvent(
      id: make(.customEvent), type: name, customerID: customerID,
      metadata: metadata.count > 0 ? metadata : ["source": .string(channel.rawValue)], createdAt: now)
    customEvents.append(e)
    var data: JSONObject = [
      "event": .object(e.json), "event_schema": .object(schema.simpleJSON),
      "customer": .object(try simpleCustomer(customerID)),
      "referral": .null, "loyalty": .null,
    ]
    let extra = try purposeObjects(for: customerID)
    for m in extra.members { data[m.key] = m.value }
    emit("customer.custom_event", entity: customerID, data, purposeKeys: extra.keys, overrides: extra.overrides)
    return finish(e)
  }

  /// Adds a distribution (no event). The first "send unique codes" distribution becomes the source of the codes
  /// distribution events publish; the first "notify" one (of a promotion campaign) names the tier they announce.
  @discardableResult
  public mutating func addDistribution(purpose: DistributionPurpose, campaignID: String?) -> Distribution {
    tick()
    var d = Distribution(
      id: make(.distribution), status: "TO SEND", purpose: purpose, campaignID: campaignID, createdAt: now)
    d.setLiveAt = now
    distributions.append(d)
    if purpose == .sendUniqueCodes, distributionCampaignID == nil { distributionCampaignID = campaignID }
    if purpose == .notifyAboutPromotion, distributionPromotionTierID == nil, let campaignID {
      distributionPromotionTierID = promotionTiers.first { $0.campaignID == campaignID && $0.active }?.id
    }
    return d
  }

  /// Runs a manual distribution for one customer; emits `manual_distribution_schedule` with the code it
  /// publishes (send codes) or the promotion it announces (notify).
  public mutating func runManualDistribution(_ id: String, customerID: String) throws(VoucherifyError)
    -> Emitted<Distribution>
  {
    let di = try position(in: distributions, id, "distribution")
    _ = try position(in: customers, customerID, "customer")
    begin(.internal)
    distributions[di].updatedAt = now
    var data: JSONObject = ["distribution": .object(distributions[di].simpleJSON)]
    let extra = try purposeObjects(for: customerID)
    for m in extra.members { data[m.key] = m.value }
    var keys = extra.keys
    if extra.members.isEmpty == false {
      var members = data.members
      let customer = JSONMember("customer", .object(try simpleCustomer(customerID)))
      let at = members.firstIndex { $0.key == "publication" } ?? members.count
      members.insert(customer, at: at)
      data = JSONObject(members)
      keys["customer"] = [.notifyAboutPromotion, .sendUniqueCodes]
    }
    emit("manual_distribution_schedule", entity: id, data, purposeKeys: keys, overrides: extra.overrides)
    return finish(distributions[di])
  }
}
