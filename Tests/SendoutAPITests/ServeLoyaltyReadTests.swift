import SendoutCore
import Testing

/// A loyalty program's reads through the mock API, red-team style: the numbers after real additions, removals, reward
/// redemptions and expiry; the program's reward assignments and a tier's earning rules and rewards as the world holds
/// them; and 404s for what does not exist or belongs to another program.
@Suite struct ServeLoyaltyReadTests {
  /// The served world's loyalty program and a new member's card code.
  static func member(_ server: InProcessAPI, _ name: String) throws -> (program: String, code: String) {
    let (_, campaigns) = try server.send("GET", "/v1/campaigns?campaign_type=LOYALTY_PROGRAM&limit=1")
    let program = try #require(campaigns["campaigns"]?.arrayValue?.first?["id"]?.stringValue)
    let (_, card) = try server.send(
      "POST", "/v1/loyalties/\(program)/members", body: #"{"customer":{"source_id":"\#(name)"}}"#)
    return (program, try #require(card["code"]?.stringValue, "\(card)"))
  }

  @Test func cardAndProgramTransactionsAreThePointsChangesNewestFirst() throws {
    let server = try InProcessAPI.served()
    let (program, code) = try Self.member(server, "lena")
    for points in [400, 50, -120] {
      let (status, balance) = try server.send(
        "POST", "/v1/loyalties/members/\(code)/balance", body: #"{"points":\#(points)}"#)
      #expect(status == 200, "\(balance)")
    }
    let (listed, card) = try server.send("GET", "/v1/loyalties/members/\(code)/transactions")
    #expect(listed == 200, "\(card)")
    try InProcessAPI.expectValid(card, "LoyaltiesMembersTransactionsListResponseBody")
    let data = try #require(card["data"]?.arrayValue)
    #expect(data.map { $0["type"]?.stringValue } == ["POINTS_REMOVAL", "POINTS_ADDITION", "POINTS_ADDITION"])
    #expect(data.map { $0.value(atPath: "details.balance.points")?.intValue } == [-120, 50, 400])
    let start = try #require(data.last?.value(atPath: "details.balance.balance")?.intValue)
    #expect(data.first?.value(atPath: "details.balance.balance")?.intValue == start + 50 - 120)
    #expect(card["has_more"] == false)

    let (_, oldest) = try server.send("GET", "/v1/loyalties/\(program)/members/\(code)/transactions?order=id&limit=1")
    try InProcessAPI.expectValid(oldest, "LoyaltiesMembersTransactionsListResponseBody")
    #expect(oldest.value(atPath: "data.0.details.balance.points") == 400, "\(oldest)")
    #expect(oldest["has_more"] == true && oldest["more_starting_after"] == data.last?["id"], "\(oldest)")

    let cardID = try #require(data.first?["voucher_id"]?.stringValue)
    let (_, all) = try server.send("GET", "/v1/loyalties/\(program)/transactions?limit=100")
    try InProcessAPI.expectValid(all, "LoyaltiesTransactionsListResponseBody")
    let count = server.read { $0.transactions(ofCampaign: program).count }
    #expect(all["data"]?.arrayValue?.count == min(count, 100), "every card of the program")
    let (_, mine) = try server.send(
      "GET", "/v1/loyalties/\(program)/transactions?filters[voucher_id][conditions][$is]=\(cardID)")
    #expect(mine["data"]?.arrayValue?.map { $0["id"] } == data.map { $0["id"] }, "\(mine)")
    let removal = try #require(data.first?["id"]?.stringValue)
    let (_, one) = try server.send(
      "GET", "/v1/loyalties/members/\(code)/transactions?filters[id][conditions][$in][0]=\(removal)")
    #expect(one["data"]?.arrayValue?.count == 1 && one.value(atPath: "data.0.id")?.stringValue == removal)
  }

  @Test func transactionReadsRefuseWhatIsNotThere() throws {
    let server = try InProcessAPI.served()
    let (program, code) = try Self.member(server, "mira")
    let other = try #require(server.read { w in w.campaigns.first { $0.campaignType != .loyaltyProgram }?.id })
    try server.expectRefusals([
      ("GET", "/v1/loyalties/members/NOPE-CARD/transactions", nil, 404, "not_found", "NOPE-CARD"),
      ("GET", "/v1/loyalties/camp_nope/transactions", nil, 404, "not_found", "camp_nope"),
      ("GET", "/v1/loyalties/\(other)/transactions", nil, 404, "not_found", other),
      ("GET", "/v1/loyalties/\(other)/members/\(code)/transactions", nil, 404, "not_found", code),
      ("GET", "/v1/loyalties/\(program)/members/NOPE-CARD/points-expiration", nil, 404, "not_found", "NOPE-CARD"),
      (
        "GET", "/v1/loyalties/\(program)/transactions?filters[created_at][conditions][$after]=2024-01-01", nil, 400,
        "invalid_query_params", "id, voucher_id"
      ),
      (
        "GET", "/v1/loyalties/members/\(code)/transactions?filters[id][conditions][$starts_with]=vtx", nil, 501,
        "not_implemented", "$starts_with"
      ),
    ])
  }

  @Test func pointsExpirationShowsWhatIsLeftToExpireAndSpentPointsNeverExpire() throws {
    let server = try InProcessAPI.served()
    let (program, code) = try Self.member(server, "nils")
    let start = try #require(Timestamp(iso8601: InProcessAPI.start))
    let day = { (n: Int) in start.adding(milliseconds: Int64(n) * 86_400_000) }
    _ = try server.send("POST", "/v1/loyalties/members/\(code)/balance", body: #"{"points":100}"#)
    server.moveClock(to: day(10))
    _ = try server.send("POST", "/v1/loyalties/members/\(code)/balance", body: #"{"points":50}"#)
    let (_, before) = try server.send("GET", "/v1/loyalties/members/\(code)")
    let initial = try #require(before.value(atPath: "loyalty_card.balance")?.intValue) - 150
    _ = try server.send("POST", "/v1/loyalties/members/\(code)/balance", body: #"{"points":-120}"#)

    let path = "/v1/loyalties/\(program)/members/\(code)/points-expiration"
    let (status, buckets) = try server.send("GET", path)
    #expect(status == 200, "\(buckets)")
    try InProcessAPI.expectValid(buckets, "LoyaltiesMembersPointsExpirationListResponseBody")
    // The 120 points spent come from the bucket expiring first: 100 from it, 20 from the next.
    #expect(buckets["data"]?.arrayValue?.map { $0.value(atPath: "bucket.total_points") } == [0, 30], "\(buckets)")
    #expect(buckets.value(atPath: "data.0.expires_at") == .string(String(day(180).iso8601.prefix(10))))
    #expect(buckets["total"] == 2)
    let (_, paged) = try server.send("GET", path + "?limit=1&page=2")
    #expect(paged.value(atPath: "data.0.bucket.total_points") == 30 && paged["total"] == 2, "\(paged)")

    // Past the first bucket's expiry: it had nothing left, so nothing expires and the balance stays.
    var world = server.read { $0 }
    let events = try world.advanceClock(to: day(181))
    #expect(!events.contains { $0.type.contains("points_expired") }, "\(events.map { $0.type })")
    let later = InProcessAPI.over(world)
    let (_, after) = try later.send("GET", path)
    #expect(after["data"]?.arrayValue?.map { $0.value(atPath: "bucket.total_points") } == [30], "\(after)")
    let (_, card) = try later.send("GET", "/v1/loyalties/members/\(code)")
    #expect(card.value(atPath: "loyalty_card.balance")?.intValue == initial + 30, "\(card)")
    // Past the second: its 30 points expire, once.
    let expired = try world.advanceClock(to: day(191))
    #expect(expired.filter { $0.type == "voucher.loyalty_card.points_expired" }.count == 1)
    #expect(world.vouchers.first { $0.code == code }?.loyaltyBalance == initial)
  }

  @Test func rewardAssignmentsAndTheirRewardsAreTheProgramsOwn() throws {
    let server = try InProcessAPI.served()
    let (program, _) = try Self.member(server, "olga")
    let assignments = server.read { w in w.rewardAssignments.filter { $0.campaignID == program } }
    let first = try #require(assignments.first)
    for path in ["/v1/loyalties/\(program)/rewards", "/v1/loyalties/\(program)/reward-assignments"] {
      let (status, list) = try server.send("GET", path + "?limit=100")
      #expect(status == 200, "\(list)")
      try InProcessAPI.expectValid(list, "LoyaltiesRewardsListAssignmentsResponseBody")
      #expect(list["total"]?.intValue == assignments.count)
      #expect(list["data"]?.arrayValue?.map { $0["id"]?.stringValue } == assignments.map(\.id))
    }
    let (_, selected) = try server.send("GET", "/v1/loyalties/\(program)/rewards?assignment_id=\(first.id)")
    #expect(selected["total"] == 1 && selected.value(atPath: "data.0.id")?.stringValue == first.id)
    let (_, byQuery) = try server.send("GET", "/v1/loyalties/\(program)/reward-assignments?assignmentId=\(first.id)")
    #expect(byQuery["total"] == 1)
    for path in ["rewards", "reward-assignments"] {
      let (_, one) = try server.send("GET", "/v1/loyalties/\(program)/\(path)/\(first.id)")
      try InProcessAPI.expectValid(one, "LoyaltiesRewardsGetResponseBody")
      #expect(one.value(atPath: "parameters.loyalty.points")?.intValue == first.points, "\(one)")
    }
    let (_, reward) = try server.send("GET", "/v1/loyalties/\(program)/reward-assignments/\(first.id)/reward")
    try InProcessAPI.expectValid(reward, "LoyaltiesRewardAssignmentsRewardGetResponseBody")
    #expect(reward["id"]?.stringValue == first.rewardID && reward["object"] == "reward", "\(reward)")

    let other = try #require(server.read { w in w.campaigns.first { $0.campaignType == .giftVouchers }?.id })
    try server.expectRefusals([
      ("GET", "/v1/loyalties/\(program)/rewards/rewa_nope", nil, 404, "not_found", "rewa_nope"),
      ("GET", "/v1/loyalties/\(other)/reward-assignments/\(first.id)", nil, 404, "not_found", first.id),
      ("GET", "/v1/loyalties/\(program)/reward-assignments/rewa_nope/reward", nil, 404, "not_found", "rewa_nope"),
      ("GET", "/v1/loyalties/camp_nope/rewards", nil, 404, "not_found", "camp_nope"),
    ])
  }

  @Test func aTiersEarningRulesAndRewardsAreTheProgramsUnmapped() throws {
    let server = try InProcessAPI.served()
    let (program, _) = try Self.member(server, "pia")
    let (tiers, rules, assignments) = server.read { w in
      (
        w.loyaltyTiers.filter { $0.campaignID == program }.map(\.id),
        w.earningRules.filter { $0.campaignID == program }, w.rewardAssignments.filter { $0.campaignID == program }
      )
    }
    let tier = try #require(tiers.last)
    let (status, earning) = try server.send("GET", "/v1/loyalties/\(program)/tiers/\(tier)/earning-rules?limit=100")
    #expect(status == 200, "\(earning)")
    try InProcessAPI.expectValid(earning, "LoyaltiesTiersEarningRulesListResponseBody")
    #expect(earning["total"]?.intValue == rules.count && rules.count > 0)
    #expect(
      earning["data"]?.arrayValue?.map { $0.value(atPath: "loyalty.order.total_amount.points") }
        == rules.map { .int($0.points) })
    let (_, paged) = try server.send("GET", "/v1/loyalties/\(program)/tiers/\(tier)/earning-rules?limit=1&page=2")
    #expect(paged["data"]?.arrayValue?.count == min(1, rules.count - 1))

    let (_, rewards) = try server.send("GET", "/v1/loyalties/\(program)/tiers/\(tier)/rewards")
    try InProcessAPI.expectValid(rewards, "LoyaltiesTiersRewardsListResponseBody")
    #expect(rewards["total"]?.intValue == assignments.count && assignments.count > 0)
    #expect(
      rewards["data"]?.arrayValue?.map { $0.value(atPath: "assignment.id")?.stringValue } == assignments.map(\.id))
    #expect(rewards.value(atPath: "data.0.object") == "loyalty_tier_reward")

    let (_, second) = try server.send(
      "POST", "/v1/campaigns",
      body:
        #"{"name":"Second program","campaign_type":"LOYALTY_PROGRAM","voucher":{"type":"LOYALTY_CARD","loyalty_card":{"points":0}}}"#
    )
    let secondID = try #require(second["id"]?.stringValue, "\(second)")
    let (_, made) = try server.send(
      "POST", "/v1/loyalties/\(secondID)/tiers", body: #"[{"name":"Other","points":{"from":0,"to":99}}]"#)
    let other = try #require(made.value(atPath: "0.id")?.stringValue, "\(made)")
    try server.expectRefusals([
      ("GET", "/v1/loyalties/\(program)/tiers/ltr_nope/earning-rules", nil, 404, "not_found", "ltr_nope"),
      ("GET", "/v1/loyalties/\(program)/tiers/\(other)/rewards", nil, 404, "not_found", other),
      ("GET", "/v1/loyalties/camp_nope/tiers/\(tier)/rewards", nil, 404, "not_found", "camp_nope"),
    ])
  }
}
