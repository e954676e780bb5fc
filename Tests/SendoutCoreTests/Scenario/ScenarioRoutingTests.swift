import SendoutCore
import Testing

/// Which endpoints get which events, targets, ids and payload shapes.
@Suite struct ScenarioRoutingTests {
  static let steps = #"""
    "steps": [
      {"name": "pub", "publish": {"campaign": "coupons", "customer": "next"}},
      {"redeem": {"voucher": "${pub.voucher.code}", "amount": 5000}},
      {"segment_enter": {"customer": "${pub.customer.id}"}}
    ]
    """#

  static func plan(
    _ project: String, _ distributions: String = "[]", to: String? = nil, fallback: String? = "http://d/"
  )
    throws -> [PlannedSendout]
  {
    let s = try ScenarioFixtures.parse(
      #"{"version": 1, "project": \#(project), "distributions": \#(distributions), \#(steps)}"#)
    return try ScenarioPlan.make(scenario: s, defaultTarget: fallback, overrideTarget: to)
  }

  @Test func subscriptionFiltersAndInactiveWebhooks() throws {
    let plan = try Self.plan(
      #"{"webhooks": [{"id": "wh_a", "events": ["redemption.succeeded"]}, {"id": "wh_all"}, {"id": "wh_off", "active": false}]}"#
    )
    let a = plan.filter { $0.sendout.source.id == "wh_a" }.map(\.sendout.eventType)
    #expect(a == ["redemption.succeeded"])
    let all = Set(plan.filter { $0.sendout.source.id == "wh_all" }.map(\.sendout.eventType))
    #expect(all.isSuperset(of: ["voucher.published", "publication.succeeded", "redemption.succeeded"]))
    #expect(!all.contains("customer.segment.entered"), "distribution-only events never go to project webhooks")
    #expect(!plan.contains { $0.sendout.source.id == "wh_off" })
  }

  @Test func distributionsGetTheirTriggerWithPurposeAndEventName() throws {
    let plan = try Self.plan(
      #"{"webhooks": []}"#,
      #"""
      [{"name": "seg", "id": "distr_x", "trigger": "customer.segment.entered", "event_name": "entered_vip", "purpose": "plain_message"},
       {"name": "paused", "trigger": "customer.segment.entered", "active": false}]
      """#)
    #expect(plan.map(\.endpointName) == ["seg"])
    let body = try ScenarioFixtures.json(plan[0])
    #expect(
      body["type"]?.stringValue == "entered_vip" && body["event"]?["type"]?.stringValue == "customer.segment.entered")
    #expect(body["source"]?["id"]?.stringValue == "distr_x")
    #expect(body["data"]?["voucher"] == nil, "plain messages carry no purpose objects")
  }

  @Test func templateRawAtRootVersusWrappedInData() throws {
    let template = #""template": {"who": "{{customer.id}}", "segment": "{{segment.name}}"}"#
    let plan = try Self.plan(
      #"{"webhooks": []}"#,
      #"""
      [{"name": "raw", "trigger": "customer.segment.entered", \#(template), "raw_payload": true},
       {"name": "wrapped", "trigger": "customer.segment.entered", \#(template)}]
      """#)
    let raw = try ScenarioFixtures.json(plan.first { $0.endpointName == "raw" }!)
    let wrapped = try ScenarioFixtures.json(plan.first { $0.endpointName == "wrapped" }!)
    #expect(raw.objectValue?.keys == ["who", "segment"])
    #expect(wrapped["data"]?.objectValue?.keys == ["who", "segment"] && wrapped["event"] != nil)
    #expect(raw["who"] == wrapped["data"]?["who"])
  }

  @Test func targetsOverrideDefaultAndMissing() throws {
    let project = #"{"webhooks": [{"target_url": "http://own/"}, {}]}"#
    let plan = try Self.plan(project)
    #expect(Set(plan.map(\.sendout.source.targetURL)) == ["http://own/", "http://d/"])
    let overridden = try Self.plan(project, to: "http://to/")
    #expect(Set(overridden.map(\.sendout.source.targetURL)) == ["http://to/"])
    #expect(throws: ScenarioError.self) { try Self.plan(project, fallback: nil) }
    do {
      _ = try Self.plan(project, fallback: nil)
    } catch let e as ScenarioError {
      #expect(e.path == "project.webhooks.1.target_url")
    }
  }

  @Test func generatedIdsComeFromTheSeedAndSecretSigns() throws {
    let a = try Self.plan(#"{"secret": "k", "webhooks": [{}]}"#)
    let b = try Self.plan(#"{"secret": "k", "webhooks": [{}]}"#)
    #expect(a[0].sendout.source.id.hasPrefix("wh_") && a[0].sendout.source.id == b[0].sendout.source.id)
    let project = try ScenarioFixtures.json(a[0])["project_id"]?.stringValue ?? ""
    #expect(project.hasPrefix("proj_"))
    let signature = a[0].sendout.headers.first { $0.name == VoucherifySignature.headerName }?.value
    #expect(signature == VoucherifySignature(secret: "k").sign(a[0].sendout.body))
    // Voucherify always signs: without a secret, one is generated from the seed (GeneratedSecretTests).
    let generated = try Self.plan(#"{"webhooks": [{}]}"#)
    #expect(generated[0].sendout.headers.contains { $0.name == VoucherifySignature.headerName })
  }

  @Test func loyaltyBalancesAddUp() throws {
    var balances: [String: Int] = [:]
    for p in try ScenarioFixtures.plan("loyalty-program.json")
    where p.sendout.eventType == "voucher.loyalty_card.transaction.created" {
      let data = try ScenarioFixtures.json(p)["data"]
      let card = data?["voucher"]?["id"]?.stringValue ?? ""
      let balance = data?["transaction"]?["details"]?["balance"]
      let points = balance?["points"]?.intValue ?? 0
      balances[card, default: 0] += points
      #expect(balances[card] == balance?["balance"]?.intValue, "balance after \(points) points")
    }
    #expect(!balances.isEmpty)
  }
}
