import SendoutCore

/// Rewards offered in a loyalty program for points (reward assignments) through the mock API, by the program
/// (`/v1/loyalties/{campaignId}/rewards`) or by the reward (`/v1/rewards/{rewardId}/assignments`), on the world
/// operations the `reward_assign`/`reward_assignment_*` scenario steps use, so the
/// `campaign.reward.assignment.*` events (inferred) match.
enum APIRewardAssignments {
  /// The operations, by `operationId`.
  static let endpoints: [String: APIEndpoints.Handler] = [
    "create-reward-assignment-1": createInProgram, "update-reward-assignment-1": update,
    "delete-reward-assignment-1": delete, "create-reward-assignment": createForReward,
    "update-reward-assignment": update, "delete-reward-assignment": delete,
  ]

  /// `POST /v1/loyalties/{campaignId}/rewards` `[{"reward": "rew_…", "parameters": {"loyalty": {"points": 100}}}]`:
  /// offers each reward; answers the first assignment (the spec's response is one object).
  static func createInProgram(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let program = try APIEndpoints.campaign(request.parameter("campaignId"), in: world)
    guard let items = request.body.arrayValue, !items.isEmpty else {
      throw .invalidPayload("the body must be a non-empty array of {reward, parameters.loyalty.points}")
    }
    var first: JSONObject?
    var events: [WorldEvent] = []
    for (i, item) in items.enumerated() {
      guard let reward = item["reward"]?.stringValue else { throw .invalidPayload("[\(i)].reward (rew_…) is required") }
      let made = try assign(reward, program.id, try points(item, at: "[\(i)]."), &world)
      first = first ?? made.value.json
      events += made.events
    }
    return APIAnswer(body: .object(first ?? [:]), events: events)
  }

  /// `POST /v1/rewards/{rewardId}/assignments` `{"campaign": "camp_…", "parameters": {"loyalty": {"points": 100}}}`.
  static func createForReward(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    guard let key = request.body["campaign"]?.stringValue else {
      throw .invalidPayload("`campaign` (the loyalty program's id or name) is required")
    }
    let program = try APIEndpoints.campaign(key, in: world)
    let made = try assign(request.parameter("rewardId"), program.id, try points(request.body), &world)
    return APIAnswer(body: .object(made.value.json), events: made.events)
  }

  /// `PUT /v1/loyalties/{campaignId}/rewards/{assignmentId}` or `/v1/rewards/{rewardId}/assignments/{assignmentId}`
  /// `{"parameters": {"loyalty": {"points": 150}}}`: the new price.
  static func update(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let assignment = try self.assignment(request, in: world)
    let points = try self.points(request.body)
    let changed = try world.updateRewardAssignment(assignment.id, points: points, channel: .api)
    return APIAnswer(body: .object(changed.value.json), events: changed.events)
  }

  /// `DELETE` either path: 204; the reward is no longer offered in the program.
  static func delete(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let assignment = try self.assignment(request, in: world)
    let deleted = try world.deleteRewardAssignment(assignment.id, channel: .api)
    return APIAnswer(body: .null, events: deleted.events)
  }

  private static func assign(_ rewardID: String, _ campaignID: String, _ points: Int, _ world: inout World)
    throws(VoucherifyError) -> Emitted<RewardAssignment>
  {
    guard world.rewards[id: rewardID] != nil else { throw VoucherifyError.notFound("reward", id: rewardID) }
    return try world.assignReward(rewardID, campaignID: campaignID, points: points, channel: .api)
  }

  /// The assignment `assignmentId`, of the program or reward the path names, or Voucherify's 404.
  private static func assignment(_ request: APIRequest, in world: World) throws(VoucherifyError) -> RewardAssignment {
    let id = request.parameter("assignmentId")
    guard let assignment = world.rewardAssignments[id: id] else {
      throw VoucherifyError.notFound("reward_assignment", id: id)
    }
    if let key = request.parameters["campaignId"] {
      guard try APIEndpoints.campaign(key, in: world).id == assignment.campaignID else {
        throw VoucherifyError.notFound("reward_assignment", id: id)
      }
    }
    if let reward = request.parameters["rewardId"], reward != assignment.rewardID {
      throw VoucherifyError.notFound("reward_assignment", id: id)
    }
    return assignment
  }

  /// `parameters.loyalty.points`, a positive integer.
  private static func points(_ body: JSON, at prefix: String = "") throws(VoucherifyError) -> Int {
    guard let points = body["parameters"]?["loyalty"]?["points"]?.intValue, points > 0 else {
      throw .invalidPayload("\(prefix)parameters.loyalty.points must be a positive integer")
    }
    return points
  }

}
