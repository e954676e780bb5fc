extension World {
  /// Publishes a code of `campaignID` to a customer: picks a free code (or generates one for auto-update
  /// campaigns), makes the customer its holder and records the publication. Emits `voucher.published`,
  /// `publication.succeeded`, `customer.publication.succeeded` and `customer.holder.assignment.created`.
  public mutating func publish(campaignID: String, customerID: String, channel: EventChannel = .api)
    throws(VoucherifyError) -> Emitted<Publication>
  {
    _ = try position(in: campaigns, campaignID, "campaign")
    _ = try position(in: customers, customerID, "customer")
    begin(channel)
    let (pub, v) = try publishVoucher(
      campaignID: campaignID, customerID: customerID, channel: channel == .userPortal ? "voucherify-web-ui" : "API")
    let campaign = try self.campaign(campaignID).simpleJSON
    let customer = try self.customer(customerID)
    emit(
      "voucher.published", entity: v.id,
      [
        "customer": .object(customer.simpleJSON), "campaign": .object(campaign),
        "publication": .object(pub.json(customer: customer.publicationJSON, voucher: nil)),
        "voucher": .object(v.simpleJSON), "created_at": .time(pub.createdAt),
      ])
    emit(
      "publication.succeeded", entity: pub.id,
      [
        "user": channel == .userPortal ? ["id": .string(userID)] : .null, "campaign": .object(campaign),
        "customer": .object(customer.simpleJSON), "voucher": .object(v.simpleJSON),
        "publication": .object(pub.json(customer: customer.publicationJSON, voucher: nil)),
      ])
    emit(
      "customer.publication.succeeded", entity: customerID,
      [
        "customer": .object(customer.simpleJSON), "campaign": .object(campaign),
        "publication": .object(pub.json(customer: customer.fullJSON, voucher: v.fullJSON)),
        "voucher": .object(v.simpleJSON),
      ])
    if v.campaignType == .referralProgram,
      let h = holders(ofVoucher: v.id).last(where: { $0.customerID == customerID })
    {
      try emitHolder("customer.holder.assignment.created", h)
    }
    return finish(pub)
  }

  /// Makes `customerID` the holder of a free code of `campaignID`, without events.
  mutating func publishVoucher(campaignID: String, customerID: String, channel: String) throws(VoucherifyError)
    -> (Publication, Voucher)
  {
    let c = try self.campaign(campaignID)
    guard c.campaignType != .promotion else {
      throw .invalidPayload("promotion campaign '\(c.name)' has no codes to publish")
    }
    guard c.active, !c.deleted else { throw .invalidPayload("campaign '\(c.name)' is not active") }
    var vid = firstFreeVoucherID(in: campaignID)
    if vid == nil {
      guard c.type == "AUTO_UPDATE" else { throw .invalidPayload("campaign '\(c.name)' has no unpublished codes left") }
      vid = try generateVoucher(campaignID: campaignID).id
    }
    tick()
    let vi = try position(in: vouchers, vid ?? "", "voucher")
    setHolder(ofVoucherAt: vi, to: customerID)
    vouchers[vi].publishCount += 1
    vouchers[vi].updatedAt = now
    let customer = try self.customer(customerID)
    let pub = Publication(
      id: make(.publication), customerID: customerID, voucherIDs: [vouchers[vi].id], channel: channel, sourceID: nil,
      trackingID: customer.sourceID ?? customer.id, metadata: ["source": .string(channel == "API" ? "api" : "manual")],
      createdAt: now)
    publications.append(pub)
    let role = c.campaignType == .referralProgram ? "REFERRER" : "OWNER"
    holders.append(
      RedeemableHolder(
        id: make(.redeemableHolder), voucherID: vouchers[vi].id, campaignID: campaignID, campaignType: c.campaignType,
        customerID: customerID, role: role, publicationID: pub.id, createdAt: now))
    return (pub, vouchers[vi])
  }

  /// Adds `customerID` as a holder of a voucher with `role`; emits `customer.holder.assignment.created`.
  public mutating func assignHolder(
    voucherID: String, customerID: String, role: String = "REFEREE", channel: EventChannel = .api
  ) throws(VoucherifyError) -> Emitted<RedeemableHolder> {
    let v = try self.voucher(voucherID)
    _ = try position(in: customers, customerID, "customer")
    guard v.campaignType == .referralProgram else {
      throw .invalidPayload("holders are assigned to referral codes only")
    }
    begin(channel)
    let h = RedeemableHolder(
      id: make(.redeemableHolder), voucherID: voucherID, campaignID: v.campaignID, campaignType: v.campaignType,
      customerID: customerID, role: role, publicationID: nil, createdAt: now)
    holders.append(h)
    try emitHolder("customer.holder.assignment.created", h)
    return finish(h)
  }

  /// Removes a holder from a voucher; emits `customer.holder.assignment.deleted`.
  public mutating func removeHolder(voucherID: String, customerID: String, channel: EventChannel = .api)
    throws(VoucherifyError) -> Emitted<RedeemableHolder>
  {
    guard let held = holders(ofVoucher: voucherID).first(where: { $0.customerID == customerID }),
      let i = holders.position(of: held.id)
    else {
      throw .notFound("redeemable holder", id: "\(voucherID)/\(customerID)")
    }
    begin(channel)
    let h = holders.remove(at: i)
    let vi = try position(in: vouchers, voucherID, "voucher")
    if vouchers[vi].holderID == customerID {
      setHolder(ofVoucherAt: vi, to: nil)
      vouchers[vi].updatedAt = now
    }
    try emitHolder("customer.holder.assignment.deleted", h)
    return finish(h)
  }

  /// Emits a holder assignment event.
  private mutating func emitHolder(_ type: String, _ h: RedeemableHolder) throws(VoucherifyError) {
    let v = try self.voucher(h.voucherID)
    emit(
      type, entity: h.customerID,
      [
        "holder": .object(h.json), "voucher": .object(v.simpleJSON),
        "campaign": .object(try self.campaign(v.campaignID).simpleJSON),
        "customer": .object(try simpleCustomer(h.customerID)),
      ])
  }
}
