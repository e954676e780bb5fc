/// The relations the world's tables keep (see `TableRelation`), and the lookups that read them: each answer
/// costs its own size, however many vouchers, redemptions or transactions the world holds.
extension TableRelation where Entity == Voucher {
  /// A campaign's codes, in creation order (deleted ones included: they still take a code of the pattern).
  static var campaign: Self { Self("campaign") { $0.campaignID } }
  /// The codes a customer holds in a campaign (key: campaign id, a space, customer id).
  static var holder: Self { Self("holder") { v in v.holderID.map { v.campaignID + " " + $0 } } }
  /// The codes a customer holds, in any campaign (key: customer id).
  static var heldBy: Self { Self("held by") { $0.holderID } }
}

extension TableRelation where Entity == Campaign {
  /// Campaigns that are not deleted, by name.
  static var liveName: Self { Self("live name") { $0.deleted ? nil : $0.name } }
}

extension TableRelation where Entity == Redemption {
  /// The child redemptions of a stacked redemption, by parent id (rollbacks are not children).
  static var stackParent: Self { Self("stack parent") { $0.kind == .redemption ? $0.parentID : nil } }
  /// The redemptions and rollbacks of a voucher.
  static var voucher: Self { Self("voucher") { $0.voucherID } }
}

extension TableRelation where Entity == PointsBucket {
  /// A card's points buckets that are still active, oldest first.
  static var activeOnVoucher: Self { Self("active on voucher") { $0.status == "ACTIVE" ? $0.voucherID : nil } }
}

extension TableRelation where Entity == VoucherTransaction {
  /// A card's transactions.
  static var voucher: Self { Self("voucher") { $0.voucherID } }
  /// The transactions of a campaign's cards.
  static var campaign: Self { Self("campaign") { $0.campaignID } }
}

extension TableRelation where Entity == RedeemableHolder {
  /// The holders of a voucher (owner, referrer, referees).
  static var voucher: Self { Self("voucher") { $0.voucherID } }
  /// The holder records of a customer (their wallet).
  static var customer: Self { Self("customer") { $0.customerID } }
}

extension World {
  /// The ids of `campaignID`'s codes in creation order, deleted ones included.
  public func voucherIDs(inCampaign campaignID: String) -> [String] { vouchers.memberIDs(.campaign, campaignID) }

  /// The vouchers of `campaignID` that `customerID` holds now, in creation order.
  public func vouchers(heldBy customerID: String, in campaignID: String) -> [Voucher] {
    vouchers.members(.holder, campaignID + " " + customerID)
  }

  /// The campaign named `name` that is not deleted (the first created, should several share it).
  public func campaign(named name: String) -> Campaign? { campaigns.members(.liveName, name).first }

  /// The child redemptions of stacked redemption `parentID` (those whose `redemption` is it), in order.
  public func stackChildren(of parentID: String) -> [Redemption] { redemptions.members(.stackParent, parentID) }

  /// The redemptions and rollbacks of voucher `voucherID`, in order.
  public func redemptions(ofVoucher voucherID: String) -> [Redemption] { redemptions.members(.voucher, voucherID) }

  /// The active points buckets of card `voucherID`, oldest first.
  public func activeBuckets(ofVoucher voucherID: String) -> [PointsBucket] {
    buckets.members(.activeOnVoucher, voucherID)
  }

  /// The transactions of card `voucherID`, in order.
  public func transactions(ofVoucher voucherID: String) -> [VoucherTransaction] {
    transactions.members(.voucher, voucherID)
  }

  /// The transactions of the cards of `campaignID`, in order.
  public func transactions(ofCampaign campaignID: String) -> [VoucherTransaction] {
    transactions.members(.campaign, campaignID)
  }

  /// The holders of voucher `voucherID`, in order.
  public func holders(ofVoucher voucherID: String) -> [RedeemableHolder] { holders.members(.voucher, voucherID) }

  /// The holder records of customer `customerID` (the redeemables in their wallet), in order.
  public func holders(ofCustomer customerID: String) -> [RedeemableHolder] {
    holders.members(.customer, customerID)
  }
}
