import Foundation
import Testing

@testable import SendoutCore

@Suite struct SampleWorldTests {
  static let start = SingleEventRequest.defaultStart
  static let types = EventCatalog.official.map(\.type)

  @Test(arguments: types)
  func rendersWithTheSpecKeys(type: String) throws {
    let e = try SampleWorld.event(type: type, seed: 7, start: Self.start)
    let spec = try #require(SpecDataKeys.all[type])
    let keys = e.fullData.keys
    #expect(e.type == type)
    #expect(Set(keys).isSubset(of: spec.allowed), "extra keys: \(Set(keys).subtracting(spec.allowed))")
    for key in spec.required { #expect(keys.contains(key), "missing required \(key)") }
    let common = keys.filter(spec.exampleOrder.contains)
    #expect(common == spec.exampleOrder.filter(keys.contains), "order differs from the official example")
    for (key, object) in spec.objects {
      guard let value = e.fullData[key], !value.isNull else { continue }
      for element in value.arrayValue ?? [value] {
        #expect(element["object"]?.stringValue == object, "\(key).object")
      }
    }
    #expect(e.createdAt >= Self.start)
    #expect(e.groupID.hasPrefix("v-") && e.groupID.count == 20)
    if let dump = ProcessInfo.processInfo.environment["SENDOUT_DUMP_DIR"] {
      let body = JSON.object([
        "event": ["id": .string(e.eventID), "entity_id": .string(e.entityID), "channel": .string(e.channel)],
        "data": .object(e.fullData),
      ])
      try body.prettyString.write(toFile: "\(dump)/\(type).json", atomically: true, encoding: .utf8)
    }
  }

  static let idPrefixes: [String: [String]] = [
    "customer": ["cust_"], "holder": ["cust_", "rh_"], "referrer": ["cust_"], "campaign": ["camp_"], "voucher": ["v_"],
    "order": ["ord_"], "redemption": ["r_", "rf_"], "redemption_rollback": ["rr_", "rrf_"], "publication": ["pub_"],
    "loyalty_tier": ["ltr_"], "loyalty_tier_from": ["ltr_"], "loyalty_tier_to": ["ltr_"],
    "holder_loyalty_tier": ["ltr_"],
    "promotion_tier": ["promo_"], "rule": ["val_"], "assignment": ["asgm_"], "segment": ["seg_"],
    "distribution": ["distr_"], "transaction": ["vtx_"], "pending_points": ["lopp_"], "reward_redemption": ["rewr_"],
    "reward_assignment": ["rewa_"], "earning_rule": ["ern_"], "event_schema": ["ms_"],
  ]

  @Test(arguments: types)
  func topLevelIDsHaveVoucherifyPrefixes(type: String) throws {
    let e = try SampleWorld.event(type: type, seed: 21, start: Self.start)
    for member in e.fullData.members {
      guard let prefixes = Self.idPrefixes[member.key], let id = member.value["id"]?.stringValue else { continue }
      #expect(prefixes.contains { id.hasPrefix($0) }, "\(member.key).id = \(id)")
    }
    if case .string(let at)? = e.fullData["created_at"] { #expect(Timestamp(iso8601: at) != nil) }
  }

  @Test(arguments: types)
  func eventIDPrefixAndEntity(type: String) throws {
    let e = try SampleWorld.event(type: type, seed: 3, start: Self.start)
    let prefix =
      type.hasPrefix("customer.")
      ? "evcus_" : type.hasPrefix("redemption.") ? "evred_" : type.hasPrefix("voucher.") ? "evvou_" : nil
    if let prefix { #expect(e.eventID.hasPrefix(prefix)) }
    if type.hasPrefix("customer.") { #expect(e.entityID.hasPrefix("cust_")) }
    #expect(
      IDFactory.timestamp(ofTimeOrdered: e.eventID, prefix: String(e.eventID.prefix { $0 != "_" }) + "_") == e.createdAt
    )
    #expect((e.channel == "USER_PORTAL") == (e.userID != nil))
  }

  @Test(arguments: ["redemption.succeeded", "customer.segment.entered", "voucher.loyalty_card.transaction.created"])
  func deterministic(type: String) throws {
    let a = try SampleWorld.event(type: type, seed: 42, start: Self.start)
    let b = try SampleWorld.event(type: type, seed: 42, start: Self.start)
    let c = try SampleWorld.event(type: type, seed: 43, start: Self.start)
    #expect(a == b)
    #expect(JSON.object(a.fullData).compactString == JSON.object(b.fullData).compactString)
    #expect(a.eventID != c.eventID)
    #expect(a.fullData != c.fullData)
  }

  @Test func purposesFilterDistributionData() throws {
    let e = try SampleWorld.event(type: "customer.segment.entered", seed: 5, start: Self.start)
    #expect(e.data(for: .plainMessage).keys == ["customer", "segment"])
    #expect(e.data(for: .sendUniqueCodes).keys == ["customer", "segment", "campaign", "voucher", "publication"])
    let notify = e.data(for: .notifyAboutPromotion)
    #expect(notify.keys == ["customer", "segment", "campaign", "promotion_tier"])
    #expect(notify["campaign"]?["campaign_type"]?.stringValue == "PROMOTION")
    #expect(e.data(for: .sendUniqueCodes)["campaign"]?["campaign_type"]?.stringValue == "DISCOUNT_COUPONS")
    #expect(e.data(for: nil) == e.fullData)
  }

  /// As in the official `customer.rewarded` example, the reward's redemption is on a paid order of one unit of the
  /// reward's product, dated after the order was made (it was `null` before).
  @Test func aRewardRedemptionIsOnAPaidOrder() throws {
    let e = try SampleWorld.event(type: "customer.rewarded", seed: 7, start: Self.start)
    let redemption = try #require(e.fullData["redemption"])
    let order = try #require(redemption["order"]?.objectValue)
    #expect(order["status"] == "PAID")
    let items = try #require(order["items"]?.arrayValue)
    #expect(items.count == 1 && items[0]["quantity"] == 1)
    let product = try #require(redemption.value(atPath: "reward.product.id")?.stringValue)
    #expect(items[0]["product_id"]?.stringValue == product, "\(items)")
    #expect(order["amount"] == items[0]["price"] && order["amount"] != nil)
    let made = try #require(order["created_at"]?.stringValue)
    #expect(try #require(redemption["date"]?.stringValue) > made)
  }

  /// Two renders of one seed tell one history of the order: updated (paid, new lines), then canceled with those lines,
  /// never canceled at its first amount before a later update shows it paid.
  @Test func anOrdersUpdateAndCancelationAgree() throws {
    let updated = try SampleWorld.event(type: "customer.order.updated", seed: 7, start: Self.start)
    let canceled = try SampleWorld.event(type: "customer.order.canceled", seed: 7, start: Self.start)
    let before = try #require(updated.fullData["order"]?.objectValue)
    let after = try #require(canceled.fullData["order"]?.objectValue)
    #expect(before["id"] == after["id"] && before["id"] != nil)
    #expect(
      before["status"] == "PAID" && after["status"] == "CANCELED",
      "\(String(describing: before["status"])) \(String(describing: after["status"]))")
    #expect(before["amount"] == after["amount"] && before["items"] == after["items"])
    #expect(updated.createdAt < canceled.createdAt)
  }

  @Test func manualDistributionHasNoPlainKeysOnly() throws {
    let e = try SampleWorld.event(type: "manual_distribution_schedule", seed: 5, start: Self.start)
    #expect(e.data(for: .sendUniqueCodes).keys == ["distribution", "campaign", "voucher", "customer", "publication"])
    #expect(e.data(for: .notifyAboutPromotion).keys == ["distribution", "campaign", "customer", "promotion_tier"])
  }
}
