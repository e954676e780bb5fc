import SendoutCore
import SendoutTestSupport
import Testing

/// Loyalty programs through the `LoyaltiesApi` paths (`/v1/loyalties…`), which answered 501 (issue 20): a program
/// created keeps what the application sent, is listed, updated and deleted with the campaign webhooks; its members
/// are listed, a member's activity read, points transferred between members with Voucherify's checks.
@Suite struct ServeLoyaltyProgramTests {
  /// A program body with every setting the spec's `CampaignsCreateLoyaltyCampaign` offers that the mock keeps.
  static let program = #"""
    {"name":"Coffee Club","description":"Stamps for coffee","type":"STATIC","auto_join":false,"join_once":false,
    "use_voucher_metadata_schema":false,"start_date":"2024-01-01T00:00:00Z","expiration_date":"2025-01-01T00:00:00Z",
    "validity_timeframe":{"duration":"PT1H","interval":"P1D"},"validity_day_of_week":[1,2,3],
    "activity_duration_after_publishing":"P24D","category":"Drinks","vouchers_count":2,
    "voucher":{"type":"LOYALTY_CARD","loyalty_card":{"points":5,"expiration_rules":{"period_type":"MONTH",
    "period_value":3,"rounding_type":"END_OF_QUARTER"}},"redemption":{"quantity":2},
    "code_config":{"pattern":"CC-####","charset":"0123456789"}},"metadata":{"test":true,"tier":"gold"},
    "loyalty_tiers_expiration":{"qualification_type":"BALANCE","start_date":{"type":"IMMEDIATE"},
    "expiration_date":{"type":"CUSTOM","extend":"P3M","rounding":{"type":"MONTH","strategy":"END"}}}}
    """#

  /// A new program and a member card of each customer named, each card holding `points`.
  static func members(_ server: InProcessAPI, _ names: [String], points: Int) throws -> (String, [String]) {
    let body = #"{"name":"Club \#(names.joined())","voucher":{"type":"LOYALTY_CARD","loyalty_card":{"points":0}}}"#
    let (status, created) = try server.send("POST", "/v1/loyalties", body: body)
    #expect(status == 200, "\(created)")
    let program = try #require(created["id"]?.stringValue)
    var codes: [String] = []
    for name in names {
      let (_, card) = try server.send(
        "POST", "/v1/loyalties/\(program)/members", body: #"{"customer":{"source_id":"\#(name)"}}"#)
      let code = try #require(card["code"]?.stringValue, "\(card)")
      if points > 0 {
        let (added, _) = try server.send(
          "POST", "/v1/loyalties/members/\(code)/balance", body: #"{"points":\#(points)}"#)
        #expect(added == 200)
      }
      codes.append(code)
    }
    return (program, codes)
  }

  @Test func createKeepsWhatTheRequestSentAndAnswersItBack() throws {
    let server = try InProcessAPI.served()
    let (status, created) = try server.send("POST", "/v1/loyalties", body: Self.program)
    #expect(status == 200, "\(created)")
    try InProcessAPI.expectValid(created, "LoyaltiesCreateCampaignResponseBody")
    let sent = try JSONParser.parse(Array(Self.program.utf8))
    for path in [
      "name", "description", "type", "auto_join", "join_once", "use_voucher_metadata_schema", "validity_timeframe",
      "validity_day_of_week", "activity_duration_after_publishing", "category", "vouchers_count", "metadata",
      "loyalty_tiers_expiration", "voucher.loyalty_card.points", "voucher.loyalty_card.expiration_rules",
      "voucher.redemption.quantity", "voucher.code_config.pattern",
    ] {
      #expect(created.value(atPath: path) == sent.value(atPath: path), "\(path): \(created)")
    }
    #expect(created["campaign_type"] == "LOYALTY_PROGRAM" && created["start_date"] == "2024-01-01T00:00:00.000Z")
    let id = try #require(created["id"]?.stringValue)
    let (got, read) = try server.send("GET", "/v1/loyalties/\(id)")
    #expect(got == 200 && read == created, "GET answers what create did")
    try InProcessAPI.expectValid(read, "LoyaltiesGetCampaignResponseBody")
    let (_, members) = try server.send("GET", "/v1/loyalties/\(id)/members")
    let codes = members["vouchers"]?.arrayValue?.compactMap { $0["code"]?.stringValue } ?? []
    #expect(codes.count == 2 && codes.allSatisfy { $0.hasPrefix("CC-") }, "\(members)")
    let webhook = try #require(try server.bodies(of: "campaign.created").last)
    #expect(webhook.value(atPath: "data.campaign.metadata") == sent["metadata"], "\(webhook)")
    #expect(webhook.value(atPath: "data.campaign.validity_timeframe") == sent["validity_timeframe"])
  }

  @Test func createRefusesAnotherKindAndAnUnknownCategory() throws {
    let server = try InProcessAPI.served()
    try server.expectRefusals([
      (
        "POST", "/v1/loyalties", #"{"name":"x","campaign_type":"DISCOUNT_COUPONS"}"#, 400, "invalid_payload",
        "campaign_type"
      ),
      (
        "POST", "/v1/loyalties", #"{"name":"x","voucher":{"type":"GIFT_VOUCHER","loyalty_card":{"points":1}}}"#, 400,
        "invalid_payload", "voucher.type"
      ),
      ("POST", "/v1/loyalties", #"{"name":"x","category_id":"cat_nope"}"#, 404, "not_found", "cat_nope"),
      ("POST", "/v1/loyalties", #"{"description":"no name"}"#, 400, "invalid_campaign_params", "name"),
      ("POST", "/v1/loyalties", #"{"name":"x","type":"STANDALONE"}"#, 400, "invalid_campaign_params", "STANDALONE"),
    ])
    #expect(server.read { $0.campaign(named: "x") } == nil, "a refused create makes nothing")
  }

  @Test func programsAreListedPageByPageAndOtherCampaignsAreNot() throws {
    let server = try InProcessAPI.served()
    for n in 1...3 {
      let (status, made) = try server.send("POST", "/v1/loyalties", body: #"{"name":"List \#(n)"}"#)
      #expect(status == 200 && made["metadata"] == [:], "no metadata sent, none invented: \(made)")
    }
    let (_, all) = try server.send("GET", "/v1/loyalties?limit=100")
    try InProcessAPI.expectValid(all, "LoyaltiesListCampaignsResponseBody")
    let listed = all["campaigns"]?.arrayValue ?? []
    let expected = server.read { w in w.campaigns.filter { !$0.deleted && $0.campaignType == .loyaltyProgram }.count }
    #expect(listed.count == expected && all["total"]?.intValue == expected && expected >= 4)
    #expect(listed.allSatisfy { $0["campaign_type"] == "LOYALTY_PROGRAM" })
    let (_, second) = try server.send("GET", "/v1/loyalties?limit=2&page=2")
    #expect(second["campaigns"]?.arrayValue?.first == listed[2])
    let (_, newest) = try server.send("GET", "/v1/loyalties?limit=1&order=-created_at")
    #expect(newest["campaigns"]?.arrayValue?.first?["name"] == "List 3", "\(newest)")
  }

  @Test func updateChangesWhatTheBodyNamesAndSendsCampaignUpdated() throws {
    let server = try InProcessAPI.served()
    let (_, created) = try server.send("POST", "/v1/loyalties", body: Self.program)
    let id = try #require(created["id"]?.stringValue)
    let (status, updated) = try server.send(
      "PUT", "/v1/loyalties/\(id)",
      body: #"""
        {"description":"Now with tea","auto_join":true,"type":"AUTO_UPDATE","metadata":{"test":false},
        "unset_metadata_fields":["tier"],"validity_day_of_week":[0,6],"expiration_date":"2026-01-01T00:00:00Z"}
        """#)
    #expect(status == 200, "\(updated)")
    try InProcessAPI.expectValid(updated, "LoyaltiesUpdateCampaignResponseBody")
    #expect(updated["description"] == "Now with tea" && updated["auto_join"] == true)
    #expect(updated["type"] == "AUTO_UPDATE")
    #expect(updated["metadata"] == ["test": false] && updated["validity_day_of_week"] == [0, 6], "\(updated)")
    #expect(updated["expiration_date"] == "2026-01-01T00:00:00.000Z" && updated["join_once"] == false)
    #expect(updated["validity_timeframe"] == created["validity_timeframe"], "what the body does not name stays")
    let webhook = try #require(try server.bodies(of: "campaign.updated").last)
    #expect(webhook.value(atPath: "data.campaign.description") == "Now with tea")
    let coupons = try #require(server.read { $0.firstCampaign(.discountCoupons)?.id })
    try server.expectRefusals([
      ("PUT", "/v1/loyalties/\(coupons)", #"{"description":"x"}"#, 404, "not_found", coupons),
      ("PUT", "/v1/loyalties/camp_nope", #"{"description":"x"}"#, 404, "not_found", "camp_nope"),
      ("PUT", "/v1/loyalties/\(id)", #"{"type":"STANDALONE"}"#, 400, "invalid_payload", "STANDALONE"),
    ])
  }

  @Test func deleteAnswersTheAsyncActionAndTheProgramIsGone() throws {
    let server = try InProcessAPI.served()
    let (program, codes) = try Self.members(server, ["del-a"], points: 0)
    let (status, deleted) = try server.send("DELETE", "/v1/loyalties/\(program)?force=true")
    #expect(status == 200, "\(deleted)")
    try InProcessAPI.expectValid(deleted, "LoyaltiesDeleteResponseBody")
    #expect(deleted["async_action_id"]?.stringValue?.hasPrefix("aa_") == true)
    #expect(try server.bodies(of: "campaign.deleted").last?.value(atPath: "data.campaign.id")?.stringValue == program)
    let (gone, _) = try server.send("GET", "/v1/loyalties/\(program)")
    let (cardGone, _) = try server.send("GET", "/v1/loyalties/members/\(codes[0])")
    #expect(gone == 404 && cardGone == 404)
    let (_, list) = try server.send("GET", "/v1/loyalties?limit=100")
    #expect(list["campaigns"]?.arrayValue?.contains { $0["id"]?.stringValue == program } == false)
    let (again, _) = try server.send("DELETE", "/v1/loyalties/\(program)")
    #expect(again == 404)
  }

  @Test func membersAreListedWithFiltersAndPages() throws {
    let server = try InProcessAPI.served()
    let (program, codes) = try Self.members(server, ["m-a", "m-b", "m-c"], points: 0)
    let (status, all) = try server.send("GET", "/v1/loyalties/\(program)/members")
    #expect(status == 200, "\(all)")
    try InProcessAPI.expectValid(all, "LoyaltiesListMembersResponseBody")
    #expect(all["total"] == 3 && all["data_ref"] == "vouchers")
    #expect(all["vouchers"]?.arrayValue?.compactMap { $0["code"]?.stringValue } == codes)
    let (_, byCustomer) = try server.send("GET", "/v1/loyalties/\(program)/members?customer=m-b")
    #expect(byCustomer["vouchers"]?.arrayValue?.map { $0["code"] } == [.string(codes[1])], "\(byCustomer)")
    let (_, byCode) = try server.send("GET", "/v1/loyalties/\(program)/members?code=\(codes[2])")
    #expect(byCode["total"] == 1)
    let (_, page) = try server.send("GET", "/v1/loyalties/\(program)/members?limit=2&page=2")
    #expect(page["vouchers"]?.arrayValue?.map { $0["code"] } == [.string(codes[2])] && page["total"] == 3)
    let (missing, _) = try server.send("GET", "/v1/loyalties/camp_nope/members")
    #expect(missing == 404)
  }

  @Test func aMembersActivityListsTheCustomerEventsOfTheCard() throws {
    let server = try InProcessAPI.served()
    let (program, codes) = try Self.members(server, ["act-a"], points: 40)
    let (status, activity) = try server.send("GET", "/v1/loyalties/members/\(codes[0])/activity")
    #expect(status == 200, "\(activity)")
    try InProcessAPI.expectValid(activity, "LoyaltiesMemberActivityListResponseBody")
    let types = activity["data"]?.arrayValue?.compactMap { $0["type"]?.stringValue } ?? []
    #expect(types.contains("customer.voucher.loyalty_card.points_added"), "\(types)")
    // A distribution event (no project webhook carries it): the activity is the event as rendered for one.
    let listed = activity["data"]?.arrayValue?.first { $0["type"] == "customer.voucher.loyalty_card.points_added" }
    #expect(listed?["id"]?.stringValue?.hasPrefix("evcus_") == true, "\(activity)")
    #expect(listed?.value(atPath: "data.data.voucher.code")?.stringValue == codes[0])
    #expect(listed?.value(atPath: "data.event_source.channel") == "API")
    let (other, same) = try server.send("GET", "/v1/loyalties/\(program)/members/\(codes[0])/activity")
    #expect(other == 200 && same == activity)
    let (_, newest) = try server.send("GET", "/v1/loyalties/members/\(codes[0])/activity?order=-created_at&limit=1")
    #expect(newest["data"]?.arrayValue?.first?["id"] == activity["data"]?.arrayValue?.last?["id"])
    let (elsewhere, _) = try server.send("GET", "/v1/loyalties/camp_nope/members/\(codes[0])/activity")
    #expect(elsewhere == 404)
  }

  @Test func transferMovesPointsAndRecordsBothTransactions() throws {
    let server = try InProcessAPI.served()
    let (program, codes) = try Self.members(server, ["tr-a", "tr-b"], points: 100)
    let (status, target) = try server.send(
      "POST", "/v1/loyalties/\(program)/members/\(codes[1])/transfers",
      body: #"[{"code":"\#(codes[0])","points":30,"reason":"merge","source_id":"tr-1"}]"#)
    #expect(status == 200, "\(target)")
    let failures = try Fixtures.apiSpecValidator().validate(
      target, against: "LoyaltiesMembersTransfersCreateResponseBody", options: .structure)
    #expect(failures.map(\.path) == ["active"], "only the spec's defect: `active` typed string, `true` in its example")
    #expect(target["code"]?.stringValue == codes[1] && target.value(atPath: "loyalty_card.balance") == 130)
    let (_, giver) = try server.send("GET", "/v1/loyalties/members/\(codes[0])")
    #expect(giver.value(atPath: "loyalty_card.balance") == 70)
    let transactions = try server.bodies(of: "voucher.loyalty_card.transaction.created").suffix(2)
    let out = try #require(transactions.first?.value(atPath: "data.transaction"))
    let into = try #require(transactions.last?.value(atPath: "data.transaction"))
    #expect(out["type"] == "POINTS_TRANSFER_OUT" && into["type"] == "POINTS_TRANSFER_IN", "\(transactions)")
    #expect(out.value(atPath: "details.destination_voucher.code")?.stringValue == codes[1])
    #expect(into.value(atPath: "details.source_voucher.code")?.stringValue == codes[0])
    #expect(into["related_transaction_id"] == out["id"] && out["source_id"] == "tr-1" && into["reason"] == "merge")
    #expect(transactions.last?.value(atPath: "data.source_voucher.code")?.stringValue == codes[0])
  }

  @Test func aTransferPastABalanceOrTheLimitIsRefusedAndMovesNothing() throws {
    let server = try InProcessAPI.served()
    let (program, codes) = try Self.members(server, ["x-a", "x-b", "x-c"], points: 100)
    let path = "/v1/loyalties/\(program)/members/\(codes[1])/transfers"
    let (_, ownerless) = try server.send("POST", "/v1/loyalties", body: #"{"name":"Unpublished","vouchers_count":1}"#)
    let spare = try #require(ownerless["id"]?.stringValue)
    let (_, spareCards) = try server.send("GET", "/v1/loyalties/\(spare)/members")
    let unpublished = try #require(spareCards["vouchers"]?.arrayValue?.first?["code"]?.stringValue)
    try server.expectRefusals([
      ("POST", path, #"[{"code":"\#(codes[0])","points":101}]"#, 400, "loyalty_card_points_exceeded", "has 100 points"),
      (
        "POST", path, #"[{"code":"\#(codes[0])","points":60},{"code":"\#(codes[0])","points":60}]"#, 400,
        "loyalty_card_points_exceeded", "cannot transfer 120"
      ),
      ("POST", path, #"[{"code":"\#(codes[1])","points":1}]"#, 400, "invalid_payload", "itself"),
      ("POST", path, #"[{"code":"\#(codes[0])","points":0}]"#, 400, "invalid_payload", "positive"),
      ("POST", path, #"[{"points":5}]"#, 400, "invalid_payload", "[0].code"),
      ("POST", path, #"[{"code":"NOPE-1","points":5}]"#, 404, "not_found", "NOPE-1"),
      ("POST", path, #"[{"code":"\#(unpublished)","points":1}]"#, 400, "invalid_payload", "no holder"),
    ])
    // The receiving card near the limit: any more would overflow it.
    let room = AmountLimits.maxAmount - 100 - 10
    let (filled, _) = try server.send(
      "POST", "/v1/loyalties/members/\(codes[1])/balance", body: #"{"points":\#(room)}"#)
    #expect(filled == 200)
    try server.expectRefusals([
      ("POST", path, #"[{"code":"\#(codes[0])","points":20}]"#, 400, "invalid_payload", String(AmountLimits.maxAmount))
    ])
    for (code, balance) in [(codes[0], 100), (codes[1], AmountLimits.maxAmount - 10)] {
      let (_, card) = try server.send("GET", "/v1/loyalties/members/\(code)")
      #expect(card.value(atPath: "loyalty_card.balance")?.intValue == balance, "\(code) unchanged")
    }
  }

  @Test func theProgramsPendingPointsAreListed() throws {
    let (server, _) = try ServeListPagingTests.world()  // a program whose card has pending points
    let program = try #require(server.read { $0.firstCampaign(.loyaltyProgram)?.id })
    let expected = server.read { w in w.pendingPoints.filter { $0.campaignID == program }.map(\.id).sorted() }
    #expect(expected.count >= 3)
    let (status, list) = try server.send("GET", "/v1/loyalties/\(program)/pending-points?limit=100")
    #expect(status == 200, "\(list)")
    try InProcessAPI.expectValid(list, "LoyaltiesPendingPointsListResponseBody")
    #expect(list["data"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == expected)
    let coupons = try #require(server.read { $0.firstCampaign(.discountCoupons)?.id })
    let (other, _) = try server.send("GET", "/v1/loyalties/\(coupons)/pending-points")
    #expect(other == 404)
  }

  /// The same calls on the same start give the same ids and answers: what a `--state` replay relies on.
  @Test func aReplayOfTheCallsGivesTheSameIds() throws {
    func run() throws -> [JSON] {
      let server = try InProcessAPI.served()
      let (_, created) = try server.send("POST", "/v1/loyalties", body: Self.program)
      let (program, codes) = try Self.members(server, ["r-a", "r-b"], points: 50)
      let (_, moved) = try server.send(
        "POST", "/v1/loyalties/\(program)/members/\(codes[1])/transfers",
        body: #"[{"code":"\#(codes[0])","points":5}]"#)
      let (_, activity) = try server.send("GET", "/v1/loyalties/members/\(codes[1])/activity")
      return [created, moved, activity] + server.sendouts.map { .string($0.eventID) }
    }
    let first = try run()
    #expect(first[0]["id"] != nil && first[1]["id"] != nil && first.count > 3)
    #expect(try run() == first)
  }
}
