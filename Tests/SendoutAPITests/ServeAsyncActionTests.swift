import SendoutCore
import Testing

/// Async actions through `sendout serve`: an action is `ENQUEUED` when accepted and its rows are applied at the first
/// call once serve's clock has passed its due time (never before), when it reads `DONE` with its result; listed
/// newest first and walked by `end_date`; replayed with the same ids and results.
@Suite struct ServeAsyncActionTests {
  /// The simulated clock moved on by `ms` milliseconds, as `POST /_sendout/clock {"advance": …}` does.
  static func advance(_ api: InProcessAPI, _ ms: Int64) {
    api.moveClock(to: api.currentTime.adding(milliseconds: ms))
  }

  /// Accepts a bulk update of `body` at `path`; its id.
  static func accept(_ api: InProcessAPI, _ path: String, _ body: String) throws -> String {
    let (status, answer) = try api.send("POST", path, body: body)
    #expect(status == 202, "\(path): \(answer)")
    let id = try #require(answer["async_action_id"]?.stringValue, "\(answer)")
    #expect(id.hasPrefix("aa_") && id.count == 21)
    return id
  }

  @Test func anActionIsEnqueuedThenDoneOnceTheClockPassesItsDueTime() throws {
    let api = try InProcessAPI.served()
    let sent = api.sendouts.count
    let id = try Self.accept(
      api, "/v1/customers/bulk/async", #"[{"source_id":"aa-ann","name":"Ann"},{"source_id":"aa-bob","name":"Bob"}]"#)
    let (status, enqueued) = try api.send("GET", "/v1/async-actions/\(id)")
    #expect(status == 200 && enqueued["status"] == "ENQUEUED" && enqueued["result"] == nil, "\(enqueued)")
    #expect(enqueued["type"] == "CUSTOMERS.BULK_UPDATE" && enqueued["progress"] == 0)
    #expect(enqueued["operation_status"] == "UNKNOWN" && enqueued["processing_time"] == .null)
    #expect(enqueued["request_id"]?.stringValue?.hasPrefix("v-") == true, "the accepting call's request id")
    try InProcessAPI.expectValid(enqueued, "AsyncActionGetResponseBody")
    let (missing, _) = try api.send("GET", "/v1/customers/aa-ann")
    #expect(missing == 404, "not applied before the clock moves")
    Self.advance(api, 999)
    #expect(try api.send("GET", "/v1/customers/aa-ann").0 == 404, "not applied before its due time")
    Self.advance(api, 1)
    let (_, done) = try api.send("GET", "/v1/async-actions/\(id)")
    #expect(done["status"] == "DONE" && done["progress"] == 100 && done["operation_status"] == "SUCCESS", "\(done)")
    let created = try #require(done["created_at"]?.stringValue.flatMap(Timestamp.init(iso8601:)))
    let updated = try #require(done["updated_at"]?.stringValue.flatMap(Timestamp.init(iso8601:)), "\(done)")
    #expect(done["processing_time"]?.intValue == Int(updated.milliseconds - created.milliseconds) && updated > created)
    #expect(done["result"] == ["done_count": 2, "failed_count": 0, "reports": [], "errors": []])
    #expect(done["request_id"] == enqueued["request_id"] && done["created_at"] == enqueued["created_at"])
    try InProcessAPI.expectValid(done, "AsyncActionGetResponseBody")
    let (found, ann) = try api.send("GET", "/v1/customers/aa-ann")
    #expect(found == 200 && ann["name"] == "Ann")
    let webhooks = try api.bodies(of: "customer.created")
    #expect(webhooks.count == 2 && api.sendouts.count == sent + 2, "each row's webhook, as its single call sends")
    #expect(webhooks.first?.value(atPath: "data.customer.source_id") == "aa-ann")
  }

  @Test func aCachedReadDoesNotHideDueWork() throws {
    let api = try InProcessAPI.served()
    let id = try Self.accept(api, "/v1/customers/bulk/async", #"[{"source_id":"aa-cached","name":"C"}]"#)
    #expect(try api.send("GET", "/v1/customers/aa-cached").0 == 404)
    #expect(try api.send("GET", "/v1/async-actions/\(id)").1["status"] == "ENQUEUED")
    Self.advance(api, 5_000)
    #expect(try api.send("GET", "/v1/customers/aa-cached").0 == 200, "the same read again, past the due time")
    #expect(try api.send("GET", "/v1/async-actions/\(id)").1["status"] == "DONE")
  }

  @Test func actionsAreListedNewestFirstAndWalkedByEndDate() throws {
    let api = try InProcessAPI.served()
    let ids = try (1...5).map { n in
      try Self.accept(api, "/v1/customers/metadata/async", #"{"source_ids":["x\#(n)"],"metadata":{"n":\#(n)}}"#)
    }
    let (status, all) = try api.send("GET", "/v1/async-actions?limit=100")
    #expect(status == 200 && all["object"] == "list" && all["data_ref"] == "async_actions" && all["has_more"] == false)
    #expect(all["async_actions"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == ids.reversed())
    #expect(all.value(atPath: "async_actions.0.result") == nil, "a listed action has no result")
    try InProcessAPI.expectValid(all, "AsyncActionsListResponseBody")
    var seen: [String] = []
    var query = "?limit=2"
    for _ in 0..<10 {
      let (_, page) = try api.send("GET", "/v1/async-actions" + query)
      let items = try #require(page["async_actions"]?.arrayValue)
      seen += items.compactMap { $0["id"]?.stringValue }
      guard page["has_more"] == true else { break }
      query = "?limit=2&end_date=" + (try #require(items.last?["created_at"]?.stringValue))
    }
    #expect(seen == ids.reversed(), "each once, in order, and the walk stops")
  }

  /// A campaign's code generation and deletion answered an `aa_…` id that nothing could read; they keep it, done.
  @Test func aCampaignsGenerationAndDeletionAreDoneActions() throws {
    let api = try InProcessAPI.served()
    let campaign = try #require(api.read { $0.firstCampaign(.discountCoupons)?.id })
    let (generated, generation) = try api.send("POST", "/v1/campaigns/\(campaign)/vouchers?vouchers_count=3")
    #expect(generated == 202, "\(generation)")
    let (deleted, deletion) = try api.send("DELETE", "/v1/campaigns/\(campaign)")
    #expect(deleted == 202, "\(deletion)")
    for (answer, type, message) in [
      (generation, "CAMPAIGN.VOUCHERS_GENERATE", "Generated 3 vouchers."),
      (deletion, "CAMPAIGN.VOUCHERS_DELETE", nil),
    ] {
      let id = try #require(answer["async_action_id"]?.stringValue)
      let (status, action) = try api.send("GET", "/v1/async-actions/\(id)")
      #expect(status == 200 && action["type"]?.stringValue == type && action["status"] == "DONE", "\(action)")
      if let message { #expect(action.value(atPath: "result.message")?.stringValue == message) }
      try InProcessAPI.expectValid(action, "AsyncActionGetResponseBody")
    }
  }

  @Test func refusals() throws {
    let api = try InProcessAPI.served()
    try api.expectRefusals([
      ("GET", "/v1/async-actions/aa_0000000000000000ff", nil, 404, "not_found", "aa_0000000000000000ff"),
      ("GET", "/v1/async-actions?end_date=yesterday", nil, 400, "invalid_query_params", "end_date"),
      ("GET", "/v1/async-actions?limit=0", nil, 400, "invalid_query_params", "limit"),
    ])
  }

  /// The same calls at the same times give the same ids, times and results (a journal replay applies them so).
  @Test func aReplayGivesTheSameActionsAndResults() throws {
    func script() throws -> [JSON] {
      let api = try InProcessAPI.served()
      let id = try Self.accept(
        api, "/v1/customers/metadata/async", #"{"source_ids":["nobody"],"metadata":{"vip":true}}"#)
      let bulk = try Self.accept(api, "/v1/products/bulk/async", #"[{"source_id":"p1","name":"P"}]"#)
      Self.advance(api, 1_500)
      return try [id, bulk].map { try api.send("GET", "/v1/async-actions/\($0)").1 }
        + [try api.send("GET", "/v1/products/p1").1]
    }
    let first = try script()
    #expect(first[0]["status"] == "DONE" && first[2]["id"] != nil, "\(first)")
    #expect(try script() == first)
  }
}

extension InProcessAPI {
  /// The simulated clock (the world's when none is set).
  var currentTime: Timestamp { mock.simulatedNow ?? mock.world.now }
}
