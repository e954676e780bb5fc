/// Loyalty points moved between cards, as Voucherify's transfer does it (docs.voucherify.io/guides/transfer-loyalty-
/// points): only between cards that have holders, in the same or different programs, and never more than a giving
/// card's balance.
extension World {
  /// Moves each part's points from its card into card `targetID`: per part a `POINTS_TRANSFER_OUT` transaction on the
  /// giving card (`details.destination_voucher`) and a `POINTS_TRANSFER_IN` on the receiving one
  /// (`details.source_voucher`, `related_transaction_id` the OUT one), each with its
  /// `voucher.loyalty_card.transaction.created` and any tier change. Every part is checked (balances summed per
  /// card, the receiving total within `AmountLimits`) before a point moves, so a refused transfer changes nothing.
  public mutating func transferLoyaltyPoints(
    to targetID: String, from parts: [PointsTransfer], channel: EventChannel = .userPortal
  ) throws(VoucherifyError) -> Emitted<Voucher> {
    let ti = try position(in: vouchers, targetID, "voucher")
    let target = vouchers[ti]
    try checkTransferCard(target)
    guard !parts.isEmpty else { throw .invalidPayload("a transfer needs at least one card to take points from") }
    var taken: [String: Int] = [:]
    var incoming = 0
    for part in parts {
      let source = vouchers[try position(in: vouchers, part.voucherID, "voucher")]
      try checkTransferCard(source)
      guard source.id != target.id else {
        throw .invalidPayload("'\(source.code)' is the card the points go to; a card cannot transfer to itself")
      }
      guard part.points > 0 else {
        throw .invalidPayload("`points` must be a positive integer, got \(part.points) for '\(source.code)'")
      }
      let total = try AmountLimits.adding(
        part.points, to: taken[source.id, default: 0], "the points '\(source.code)' gives")
      guard total <= source.loyaltyBalance else {
        throw VoucherifyError(
          status: 400, key: "loyalty_card_points_exceeded", message: "loyalty card points exceeded",
          details: "'\(source.code)' has \(source.loyaltyBalance) points; cannot transfer \(total)")
      }
      taken[source.id] = total
      incoming = try AmountLimits.adding(part.points, to: incoming, "the points '\(target.code)' receives")
    }
    _ = try AmountLimits.adding(incoming, to: target.loyaltyBalance, "the balance of '\(target.code)'")
    _ = try AmountLimits.adding(incoming, to: target.loyaltyPoints, "the points of '\(target.code)'")
    begin(channel)
    let origin = channel == .userPortal ? "voucherify-web-ui" : "API"
    for part in parts {
      let si = try position(in: vouchers, part.voucherID, "voucher")
      let out = try changePoints(
        si, by: -part.points,
        PointsContext(
          type: "POINTS_TRANSFER_OUT", reason: part.reason, source: origin, operation: "MANUAL",
          destinationVoucher: vouchers[ti].simpleJSON, sourceID: part.sourceID))
      try changePoints(
        ti, by: part.points,
        PointsContext(
          type: "POINTS_TRANSFER_IN", reason: part.reason, source: origin, operation: "MANUAL",
          sourceVoucher: vouchers[si].simpleJSON, sourceID: part.sourceID, relatedTransactionID: out.id))
    }
    return finish(vouchers[ti])
  }

  /// Refuses a card a transfer cannot use: not a live loyalty card, or one without a holder.
  private func checkTransferCard(_ card: Voucher) throws(VoucherifyError) {
    guard card.campaignType == .loyaltyProgram, !card.deleted else {
      throw .invalidPayload("'\(card.code)' is not a loyalty card; points move between loyalty cards only")
    }
    guard card.holderID != nil else {
      throw .invalidPayload("'\(card.code)' has no holder; points move only between cards published to customers")
    }
  }
}
