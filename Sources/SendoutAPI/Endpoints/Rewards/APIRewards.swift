import SendoutCore

/// Rewards (`/v1/rewards`) and, read-only, their assignments to loyalty programs, as generic resources. A reward
/// gives a product (`MATERIAL`, `parameters.product`) or credits or a code of a campaign (`CAMPAIGN`,
/// `parameters.campaign`); pay-with-points rewards (`COIN`) answer 501. Voucherify sends no webhook for reward
/// CRUD; deleting a reward withdraws its assignments.
enum APIRewards {
  /// Rewards, paged; `assignment_id` selects the reward of that assignment.
  static let rewards = APIResource<Reward>(
    object: "reward", idParameter: "rewardId", table: \.rewards, json: { reward, _ in reward.fullJSON },
    listing: .init(filter: { request, world throws(VoucherifyError) in
      guard let assignment = request.query["assignment_id"] else { return { _ in true } }
      let rewardID = world.rewardAssignments[id: assignment]?.rewardID
      return { $0.id == rewardID }
    }),
    create: { request, world throws(VoucherifyError) in
      let name = try request.required("name", errorKey: VoucherifyError.invalidPayloadKey)
      guard let (kind, skuID) = try kind(request, world) else {
        throw .invalidPayload("`parameters` must name a `campaign` (CAMPAIGN) or a `product` (MATERIAL)")
      }
      var reward = Reward(id: "", name: name, kind: kind, stock: nil, createdAt: world.now)
      reward.skuID = skuID
      return world.createReward(fields(request, over: reward))
    },
    update: { reward, request, world throws(VoucherifyError) in
      var changed = fields(request, over: reward)
      changed.name = request.field("name", over: reward.name, \.stringValue) ?? reward.name
      if let (kind, skuID) = try kind(request, world) {
        switch (kind, reward.kind) {
        case (.material, .material), (.campaign, .campaign): break
        default: throw .invalidPayload("`parameters` cannot change a \(reward.typeName) reward's type")
        }
        changed.kind = kind
        changed.skuID = skuID
      }
      return try world.updateReward(changed)
    },
    delete: { reward, world throws(VoucherifyError) in try world.deleteReward(reward.id).events })

  /// A reward's assignments (`/v1/rewards/{rewardId}/assignments…`), read through the reward's own 404.
  static let assignments = APIResource<RewardAssignment>(
    object: "reward_assignment", idParameter: "assignmentId", table: \.rewardAssignments,
    json: { assignment, _ in assignment.json },
    parent: .init(
      id: { request, world throws(VoucherifyError) in
        let id = request.parameter("rewardId")
        guard world.rewards[id: id] != nil else { throw .notFound("reward", id: id) }
        return id
      },
      key: \.rewardID))

  /// The operations, by `operationId`.
  static let endpoints =
    rewards.endpoints([
      "list-rewards": .list, "create-reward": .create, "get-reward": .get, "update-reward": .update,
      "delete-reward": .delete,
    ])
    .merging(assignments.endpoints(["list-reward-assignments": .list, "get-reward-assignment": .get])) { a, _ in a }

  /// The body's `stock`, `attributes` and `metadata` over `reward`'s (absent stays, `null` clears).
  private static func fields(_ request: APIRequest, over reward: Reward) -> Reward {
    var r = reward
    r.stock = request.field("stock", over: r.stock, \.intValue)
    r.attributes = request.field("attributes", over: r.attributes, \.objectValue)
    r.metadata = request.field("metadata", over: r.metadata, \.objectValue)
    return r
  }

  /// What `parameters` gives: a campaign (by id or name) and its credits, or a product and SKU (by id or source
  /// id), each its 404; `nil` without `parameters`.
  private static func kind(_ request: APIRequest, _ world: World) throws(VoucherifyError) -> (Reward.Kind, String?)? {
    if let campaign = request.object(at: "parameters.campaign") {
      guard let key = campaign["id"]?.stringValue else {
        throw .invalidPayload("`parameters.campaign.id` (the campaign giving the reward) is required")
      }
      let id = try APIEndpoints.campaign(key, in: world).id
      return (.campaign(campaignID: id, credits: campaign["balance"]?.intValue), nil)
    }
    if let product = request.object(at: "parameters.product") {
      guard let key = product["id"]?.stringValue else {
        throw .invalidPayload("`parameters.product.id` (the product given) is required")
      }
      guard let found = world.product(idOrSourceID: key) else { throw .notFound("product", id: key) }
      guard let skuKey = product["sku_id"]?.stringValue else { return (.material(productID: found.id), nil) }
      guard let sku = world.sku(idOrSourceID: skuKey), sku.productID == found.id else {
        throw .notFound("sku", id: skuKey)
      }
      return (.material(productID: found.id), sku.id)
    }
    if request.object(at: "parameters.coin") != nil {
      throw VoucherifyError.notSimulated(
        "pay-with-points rewards (COIN) are not simulated by sendout serve: use a campaign or a product")
    }
    return nil
  }
}
