import Foundation
import SendoutCore
import Testing

@testable import SendoutAPI

/// Seeded fuzzing of every simulated operation, in process: bodies full of extreme numbers (Int64 bounds, 2⁵³ ± 1,
/// negatives, fractions, 1e308, -0), huge strings and wrong types, on real ids of the sample world. Nothing may
/// trap (a trap ends the test process), and every answer is a 2xx with a JSON body or a 4xx/501 with Voucherify's
/// `Error` body. Deterministic (fixed seed) and bounded (30 calls per operation, about 3,300 in all).
@Suite struct ServeArithmeticFuzzTests {
  static let extremes = [
    "9223372036854775807", "-9223372036854775808", "9223372036854775808", "9007199254740991", "9007199254740992",
    "-9007199254740991", "-1", "0", "-0", "-0.0", "0.5", "2.5", "1e308", "-1e308", "4.9e-324", "1", "2", "100",
    "1000000", #""""#, "null", "true", "[]", "{}", "\"" + String(repeating: "x", count: 20_000) + "\"",
  ]
  /// Accepted values at and near the cap, so calls get past the edge and the world's own checks are hit.
  static let nearCap = ["9007199254740991", "9007199254740990", "4503599627370496", "1", "5000"]
  static let keys = [
    "amount", "price", "quantity", "points", "credits", "order", "items", "customer", "metadata", "redeemables",
    "voucher", "gift", "loyalty_card", "discount", "amount_off", "percent_off", "unit_off", "fixed_amount",
    "amount_limit", "type", "name", "source_id", "id", "object", "status", "events", "target_url", "every",
    "loyalty", "rules", "redemption", "reason", "pending_points", "period_value", "campaign_type", "parameters",
    "vouchers_count", "from", "to", "event", "reward", "active", "advance",
  ]
  /// Query strings with extreme or malformed parameters.
  static let queries = [
    "", "", "?limit=9223372036854775807", "?page=-1&limit=0", "?page=99999999999999999999", "?limit=1e308",
    "?force=maybe", "?reason=%zz", "?order=-created_at&limit=100&page=10000",
  ]
  /// Bodies shaped like the real ones (so the numbers get past the first field checks), `X` an extreme number.
  static let templates = [
    #"{"redeemables":[{"object":"voucher","id":"CODE","gift":{"credits":X}}],"customer":{"source_id":"f"},"order":{"amount":X,"items":[{"price":X,"quantity":X}]}}"#,
    #"{"redeemables":[{"object":"voucher","id":"CODE"},{"object":"promotion_tier","id":"TIER"}],"order":{"items":[{"amount":X},{"price":X,"quantity":X}]}}"#,
    #"{"amount":X,"status":"PAID","customer":{"source_id":"f"}}"#, #"{"amount":X,"reason":"fuzz"}"#,
    #"{"points":X}"#,
    #"{"name":"NAME","campaign_type":"TYPE","vouchers_count":1,"voucher":{"gift":{"amount":X},"loyalty_card":{"points":X},"redemption":{"quantity":X},"discount":{"type":"DISC","amount_off":X,"percent_off":X,"unit_off":X,"fixed_amount":X,"amount_limit":X}}}"#,
    #"[{"event":"order.paid","loyalty":{"type":"PROPORTIONAL","calculation_type":"ORDER_AMOUNT","order":{"amount":{"every":X,"points":X}}},"pending_points":{"period_value":X}}]"#,
    #"[{"name":"NAME","points":{"from":X,"to":X}}]"#, #"{"reward":"REWARD","parameters":{"loyalty":{"points":X}}}"#,
    #"{"name":"NAME","rules":{"1":{"name":"order.amount","conditions":{"$more_than":[X]}}}}"#,
    #"{"customer":{"source_id":"f","metadata":{"n":X}},"metadata":{"n":X},"event":"e"}"#,
    #"{"name":"NAME","campaign_type":"DISCOUNT_COUPONS","vouchers_count":2,"voucher":{"discount":{"type":"UNIT","unit_off":X,"unit_type":"PRODUCT"}}}"#,
    #"{"amount":X,"customer":{"source_id":"f"}}"#,
  ]

  @Test func everySimulatedOperationSurvivesExtremeNumbers() throws {
    let api = try InProcessAPI(seed: 3)
    var rng = SeededGenerator(seed: 0xF022_0017)
    let operations = APIOperation.spec.filter {
      APIEndpoints.all[$0.operationID] != nil || APIManagement.all[$0.operationID] != nil
    }
    #expect(operations.count > 60)
    var statuses: [Int: Int] = [:]
    for round in 0..<30 {
      let ids = Self.ids(api)  // again each round: codes and products the last round made are in play
      for operation in operations {
        let path = Self.path(operation, ids: ids, projectID: api.projectID, rng: &rng) + rng.pick(Self.queries)
        let body = round % 2 == 0 ? Self.templated(ids: ids, round: round, rng: &rng) : Self.random(depth: 0, rng: &rng)
        let (status, answer) = api.call(operation.method, path, body: body, client: operation.auth == .client)
        statuses[status, default: 0] += 1
        if status >= 400 {
          #expect(
            (400..<500).contains(status) || status == 501, "\(operation.operationID) \(body.prefix(300)): \(status)")
          #expect(InProcessAPI.isError(answer, status: status), "\(operation.operationID): \(answer ?? .null)")
        } else {
          #expect((200..<300).contains(status) && answer != nil, "\(operation.operationID): \(status)")
        }
      }
    }
    #expect(statuses.keys.contains(200) && statuses.keys.contains(400), "\(statuses)")
    #expect(api.call("GET", "/v1/customers?limit=1").0 == 200)
  }

  /// Ids of the sample world a path parameter can take, by kind.
  static func ids(_ api: InProcessAPI) -> [String: [String]] {
    api.read { w in
      [
        "code": (w.vouchers.prefix(20) + w.vouchers.suffix(20)).map(\.code), "campaign": w.campaigns.map(\.id),
        "product": w.products.suffix(10).map(\.id),
        "customer": w.customers.prefix(10).map(\.id), "order": w.orders.prefix(10).map(\.id),
        "redemption": w.redemptions.prefix(10).map(\.id), "tier": w.promotionTiers.map(\.id),
        "reward": w.rewards.map(\.id), "rule": w.earningRules.map(\.id) + w.validationRules.map(\.id),
        "assignment": w.rewardAssignments.map(\.id) + w.ruleAssignments.map(\.id), "segment": w.segments.map(\.id),
        "pending": w.pendingPoints.map(\.id),
      ]
    }
  }

  /// The operation's path with each `{parameter}` a plausible id (or, now and then, junk).
  static func path(_ operation: APIOperation, ids: [String: [String]], projectID: String, rng: inout SeededGenerator)
    -> String
  {
    let junk = ["x", "0", "-1", String(repeating: "a", count: 2_000)]
    let segments = operation.template.split(separator: "/").map { segment -> String in
      guard segment.hasPrefix("{") else { return String(segment) }
      let name = segment.lowercased()
      if name.contains("project") { return projectID }
      let kind =
        [
          "member": "code", "code": "code", "voucher": "code", "campaign": "campaign", "loyalt": "campaign",
          "customer": "customer", "order": "order", "redemption": "redemption", "promotion": "tier",
          "tier": "tier", "reward": "reward", "assignment": "assignment", "rule": "rule", "segment": "segment",
          "pending": "pending",
        ]
        .sorted { $0.key < $1.key }.first { name.contains($0.key) }?.value ?? "code"
      let pool = ids[kind] ?? []
      return pool.isEmpty || rng.chance(0.1) ? rng.pick(junk) : rng.pick(pool)
    }
    return "/" + segments.joined(separator: "/")
  }

  /// A template with its placeholders filled: real codes and tiers, extreme numbers.
  static func templated(ids: [String: [String]], round: Int, rng: inout SeededGenerator) -> String {
    var text = rng.pick(templates)
    for (placeholder, kind) in [("CODE", "code"), ("TIER", "tier"), ("REWARD", "reward"), ("PRODUCT", "product")] {
      text = text.replacingOccurrences(
        of: placeholder, with: ids[kind].flatMap { $0.isEmpty ? nil : rng.pick($0) } ?? "x")
    }
    text = text.replacingOccurrences(of: "NAME", with: "fuzz-\(round)-\(rng.int(in: 0...1_000_000))")
    text = text.replacingOccurrences(of: "TYPE", with: rng.pick(CampaignType.allCases.map(\.rawValue)))
    text = text.replacingOccurrences(of: "DISC", with: rng.pick(["AMOUNT", "PERCENT", "UNIT", "FIXED"]))
    while let range = text.range(of: "X") {
      text.replaceSubrange(range, with: rng.chance(0.5) ? rng.pick(nearCap) : rng.pick(extremes.prefix(20)))
    }
    return text
  }

  /// A random object (or, at the top, now and then another JSON value) of the vocabulary's keys and extreme values.
  static func random(depth: Int, rng: inout SeededGenerator) -> String {
    if depth == 0 && rng.chance(0.1) { return rng.pick(["[1,2,3]", #""x""#, "null", "", "-0", "[{}]"]) }
    let members = (0..<rng.int(in: 1...5)).map { _ -> String in
      let value: String
      switch rng.int(in: 0...9) {
      case 0...5: value = rng.pick(extremes)
      case 6...7 where depth < 3: value = random(depth: depth + 1, rng: &rng)
      case 8 where depth < 3:
        value =
          "[" + (0..<rng.int(in: 0...3)).map { _ in random(depth: depth + 1, rng: &rng) }.joined(separator: ",") + "]"
      default: value = "\"" + rng.pick(keys) + "\""
      }
      return "\"\(rng.pick(keys))\":\(value)"
    }
    return "{" + members.joined(separator: ",") + "}"
  }
}
