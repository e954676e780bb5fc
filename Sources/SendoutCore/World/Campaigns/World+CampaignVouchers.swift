/// Operations for the voucher-generation and customer event types Voucherify documents without a schema
/// (`campaign.vouchers.generation.started/failed`, `campaign.vouchers.added`, `customer.confirmed`,
/// `customer.referred`). Their `data` is inferred from the documented siblings
/// (`campaign.vouchers.generation.completed`, `customer.created`, `customer.order.*`).
extension World {
  /// How many more distinct codes a campaign's code pattern can make.
  func codesLeft(in c: Campaign) -> Int {
    let chars = Set(c.codeConfig.charset).count
    var capacity = 1
    for _ in 0..<c.codeConfig.length {
      let (product, overflow) = capacity.multipliedReportingOverflow(by: max(chars, 1))
      if overflow { return Int.max }
      capacity = product
    }
    return max(0, capacity - vouchers.count(.campaign, c.id))
  }

  /// Generates `count` more codes in the background: emits `campaign.vouchers.generation.started` (inferred), then
  /// `campaign.vouchers.generation.completed`, or `campaign.vouchers.generation.failed` (inferred, no code made)
  /// when the code pattern cannot make that many more distinct codes.
  public mutating func generateVouchers(campaignID: String, count: Int, channel: EventChannel = .userPortal)
    throws(VoucherifyError) -> Emitted<Campaign>
  {
    let c = try self.campaign(campaignID)
    guard c.campaignType != .promotion else { throw .invalidPayload("promotion campaign '\(c.name)' has no codes") }
    guard count > 0 else { throw .invalidPayload("count must be positive, not \(count)") }
    begin(channel)
    emit(
      "campaign.vouchers.generation.started", entity: c.id,
      ["count": .int(count), "campaign": .object(c.simpleJSON), "started_at": .time(now)])
    let left = codesLeft(in: c)
    guard count <= left else {
      emit(
        "campaign.vouchers.generation.failed", entity: c.id,
        [
          "count": .int(count), "campaign": .object(try self.campaign(c.id).simpleJSON),
          "reason": .string("the code pattern can make \(left) more distinct codes"), "failed_at": .time(now),
        ])
      return finish(try self.campaign(c.id))
    }
    for _ in 0..<count { _ = try generateVoucher(campaignID: c.id) }
    emit(
      "campaign.vouchers.generation.completed", entity: c.id,
      ["count": .int(count), "campaign": .object(try self.campaign(c.id).simpleJSON), "completed_at": .time(now)])
    return finish(try self.campaign(c.id))
  }

  /// Adds `count` codes to a campaign at once (no background job); emits `campaign.vouchers.added` (inferred).
  public mutating func addVouchers(campaignID: String, count: Int = 1, channel: EventChannel = .userPortal)
    throws(VoucherifyError) -> Emitted<[Voucher]>
  {
    let c = try self.campaign(campaignID)
    guard c.campaignType != .promotion else { throw .invalidPayload("promotion campaign '\(c.name)' has no codes") }
    guard count > 0, count <= codesLeft(in: c) else {
      throw .invalidPayload("cannot add \(count) codes to '\(c.name)': its pattern can make \(codesLeft(in: c)) more")
    }
    begin(channel)
    var added: [Voucher] = []
    for _ in 0..<count { added.append(try generateVoucher(campaignID: c.id)) }
    emit(
      "campaign.vouchers.added", entity: c.id,
      [
        "count": .int(count), "campaign": .object(try self.campaign(c.id).simpleJSON),
        "vouchers": .array(added.map { .object($0.simpleJSON) }), "created_at": .time(now),
      ])
    return finish(added)
  }

  /// A customer confirms their email (double opt-in); emits `customer.confirmed`, shaped as the spec's
  /// `EventCustomerConfirmed`: the customer and the `unconfirmed_customer` (`ucust_…`) it was until then.
  public mutating func confirmCustomer(_ id: String, channel: EventChannel = .clientAPI) throws(VoucherifyError)
    -> Emitted<Customer>
  {
    let i = try position(in: customers, id, "customer")
    begin(channel)
    customers[i].updatedAt = now
    let unconfirmed = "u" + id  // `ucust_` + the customer's own suffix: no id drawn, later ids stay as they were
    emit(
      "customer.confirmed", entity: id,
      ["customer": .object(customers[i].fullJSON), "unconfirmed_customer": ["id": .string(unconfirmed)]])
    return finish(customers[i])
  }

  /// Emits `customer.referred` for a referee who redeemed a referral code, shaped as the spec's
  /// `EventCustomerReferred`: the referee, the referrer, the referral campaign and code, `custom_event` (`null`: the
  /// conversion was a redemption, not a custom event) and the redemption (`RedemptionInternal`).
  mutating func emitReferred(_ r: Redemption, referrerID: String) throws(VoucherifyError) {
    guard let v = try ifPresent(r.voucherID, { (it) throws(VoucherifyError) in try self.voucher(it) }),
      let customerID = r.customerID
    else { return }
    emit(
      "customer.referred", entity: customerID,
      [
        "customer": .object(try simpleCustomer(customerID)), "referrer": .object(try simpleCustomer(referrerID)),
        "campaign": .object(try self.campaign(v.campaignID).simpleJSON), "voucher": .object(v.simpleJSON),
        "custom_event": .null, "redemption": .object(try internalRedemptionJSON(r)),
      ])
  }
}
