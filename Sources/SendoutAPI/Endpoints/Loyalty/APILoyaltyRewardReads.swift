import SendoutCore

/// What a loyalty program offers, read through the program's paths: its reward assignments (the rewards for sale and
/// their prices in points), the reward of one, and a tier's earning rules and rewards. A tier of the world maps no
/// earning rule or reward of its own (its `earning_rules` and `rewards` are `{}`), so every rule of the program earns
/// in every tier as the rule says, and every reward sells at its assignment's price.
enum APILoyaltyRewardReads {
  /// A program's reward assignments (`/v1/loyalties/{campaignId}/rewards[/{assignmentId}]` and
  /// `…/reward-assignments[/{assignmentId}]`), paged; `assignment_id` (or `assignmentId`) selects one.
  static let assignments = APIResource<RewardAssignment>(
    object: "reward_assignment", idParameter: "assignmentId", table: \.rewardAssignments,
    json: { assignment, _ in assignment.json },
    parent: .init(
      id: { request, world throws(VoucherifyError) in
        try APIEndpoints.campaign(request.parameter("campaignId"), in: world).id
      }, key: \.campaignID),
    listing: .init(filter: { request, _ throws(VoucherifyError) in
      guard let id = request.query["assignment_id"] ?? request.query["assignmentId"] else { return { _ in true } }
      return { $0.id == id }
    }))

  /// The operations, by `operationId`.
  static let endpoints = APIEndpoints.union([
    assignments.endpoints([
      "list-reward-assignments-1": .list, "list-reward-assignments-2": .list, "get-reward-assignment-1": .get,
      "get-reward-assignment-2": .get,
    ]),
    [
      "get-reward-details": rewardDetails, "list-loyalty-tier-earning-rules": tierEarningRules,
      "list-loyalty-tier-rewards": tierRewards,
    ],
  ])

  /// `GET /v1/loyalties/{campaignId}/reward-assignments/{assignmentId}/reward`: the reward the assignment sells.
  static func rewardDetails(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let assignment = try assignments.entity(request, world)
    guard let reward = world.rewards[id: assignment.rewardID] else {
      throw VoucherifyError.notFound("reward", id: assignment.rewardID)
    }
    return APIAnswer(body: .object(reward.fullJSON))
  }

  /// `GET /v1/loyalties/{campaignId}/tiers/{loyaltyTierId}/earning-rules[?limit=…&page=…]`: the program's earning
  /// rules, in creation order, each earning as it says (the tier maps none).
  static func tierEarningRules(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let tier = try APIEndpoints.loyaltyTier(request, in: world)
    let rules = world.earningRules.filter { $0.campaignID == tier.campaignID }
    let items = try APIList.page(rules, request).map { JSON.object($0.fullJSON) }
    return APIAnswer(body: APIList.body("data", items, total: rules.count))
  }

  /// `GET /v1/loyalties/{campaignId}/tiers/{loyaltyTierId}/rewards`: every reward the program sells, with its
  /// assignment (the price in points), as `loyalty_tier_reward`s; the spec pages it not.
  static func tierRewards(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let tier = try APIEndpoints.loyaltyTier(request, in: world)
    let items: [JSON] = world.rewardAssignments.filter { $0.campaignID == tier.campaignID }.compactMap { a in
      world.rewards[id: a.rewardID].map {
        ["reward": .object($0.fullJSON), "assignment": .object(a.json), "object": "loyalty_tier_reward"]
      }
    }
    return APIAnswer(body: APIList.body("data", items, total: items.count))
  }
}
