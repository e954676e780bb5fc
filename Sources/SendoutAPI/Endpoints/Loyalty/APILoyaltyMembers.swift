import SendoutCore

/// A loyalty member's pending points (list, activate, cancel) and reward redemption through the mock API, on the
/// world operations the clock and scenario steps use, so the events match.
enum APILoyaltyMembers {
  /// The operations, by `operationId`.
  static let endpoints: [String: APIEndpoints.Handler] = [
    "list-member-pending-points": listPending, "list-member-pending-points-1": listPending,
    "activate-member-pending-points": activatePending, "cancel-member-pending-points": cancelPending,
    "redeem-reward": redeemReward, "redeem-reward-1": redeemReward, "list-member-rewards": listRewards,
  ]

  /// `GET /v1/loyalties/members/{memberId}/rewards[?affordable_only=true]`: the rewards of the card's program, each
  /// with its assignment (price in points).
  static func listRewards(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let card = try APILoyalties.card(request, in: world)
    let affordable = request.query["affordable_only"] == "true"
    let data: [JSON] = world.rewardAssignments.filter {
      $0.campaignID == card.campaignID && (!affordable || $0.points <= card.loyaltyBalance)
    }.compactMap { a in
      world.rewards[id: a.rewardID].map {
        ["reward": .object($0.fullJSON), "assignment": .object(a.json), "object": "loyalty_reward"]
      }
    }
    return APIAnswer(
      body: ["object": "list", "data_ref": "data", "data": .array(data), "total": .int(data.count)])
  }

  /// `GET /v1/loyalties[/{campaignId}]/members/{memberId}/pending-points[?limit=…]`: the card's pending points,
  /// oldest first (`order=-created_at`: newest first).
  static func listPending(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let card = try APILoyalties.card(request, in: world)
    var all = world.pendingPoints.filter { $0.voucherID == card.id }
    if request.query["order"] == "-created_at" { all.reverse() }
    return APIAnswer(body: try APIList.cursorBody(all, request, id: \.id) { .object($0.json) })
  }

  /// `POST /v1/loyalties/members/{memberId}/pending-points/{pendingPointsId}/activate`: the points join the
  /// balance now; emits `*.pending_points.activated` and the points transaction. Answers the new balance.
  static func activatePending(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let (card, id) = try pending(request, in: world)
    let activated = try world.activatePendingPoints(id)
    let now = try APIEndpoints.voucher(card.id, in: world)
    let body: JSON = [
      "points": .int(activated.value.points), "total": .int(now.loyaltyPoints), "balance": .int(now.loyaltyBalance),
      "type": "loyalty_card", "object": "balance", "related_object": ["type": "voucher", "id": .string(now.id)],
    ]
    return APIAnswer(body: body, events: activated.events)
  }

  /// `POST /v1/loyalties/members/{memberId}/pending-points/{pendingPointsId}/cancel`: the points never join the
  /// balance; emits `*.pending_points.canceled`. Answers 204.
  static func cancelPending(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let (_, id) = try pending(request, in: world)
    let canceled = try world.cancelPendingPoints(id, channel: .api)
    return APIAnswer(body: .null, events: canceled.events)
  }

  /// `POST /v1/loyalties[/{campaignId}]/members/{memberId}/redemption` `{"reward": {"id": "rew_…"}, "order": …,
  /// "metadata": …}`: spends the card's points on a reward assigned to its program, on the order given (kept as a
  /// redemption keeps it) with the metadata given; emits the points transaction, `customer.rewarded`, the reward
  /// redemption events and the order's. Too few points: 400 `loyalty_card_points_exceeded`.
  static func redeemReward(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let card = try APILoyalties.card(request, in: world)
    guard let rewardID = request.body["reward"]?["id"]?.stringValue else {
      throw VoucherifyError(
        status: 400, key: "missing_reward", message: "Missing reward", details: "`reward.id` (rew_…) is required")
    }
    guard
      let assignment = world.rewardAssignments.first(where: {
        $0.rewardID == rewardID && $0.campaignID == card.campaignID
      })
    else { throw VoucherifyError.notFound("reward", id: rewardID) }
    let given = request.body["order"].flatMap { $0 == .null ? nil : $0 }
    let order = try given.map { (it) throws(VoucherifyError) in try OrderFields(it) }
    let redeemed = try world.redeemReward(
      voucherID: card.id, assignmentID: assignment.id, order: order, metadata: request.object(at: "metadata") ?? [:],
      channel: .api)
    let reward = redeemed.last("customer.rewarded")?.fullData["reward"]?.objectValue ?? [:]
    let body = try world.redemptionJSON(redeemed.value.sourceID, reward: reward)
    return APIAnswer(body: .object(body), events: redeemed.events)
  }

  /// The member's card and the pending points `pendingPointsId` of it, or Voucherify's 404.
  private static func pending(_ request: APIRequest, in world: World) throws(VoucherifyError) -> (Voucher, String) {
    let card = try APILoyalties.card(request, in: world)
    let id = request.parameter("pendingPointsId")
    guard let p = world.pendingPoints[id: id], p.voucherID == card.id else {
      throw VoucherifyError.notFound("pending_points", id: id)
    }
    return (card, id)
  }
}
