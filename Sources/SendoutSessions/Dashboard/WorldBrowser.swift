import SendoutAPI
import SendoutCore

/// The world tabs of `sendout serve`'s dashboard: customers, vouchers (with redemption counts and balances) and
/// campaigns, one page at a time, newest first, optionally filtered by free text (`q`). Read-only and pure: it
/// runs on the world under the mock API's lock.
enum WorldBrowser {
  /// The tabs.
  enum Kind: String, CaseIterable, Sendable {
    case customers, vouchers, campaigns
  }

  /// What one page asks for.
  struct Query: Sendable, Equatable {
    /// The tab.
    var kind: Kind
    /// Lower-cased text the item's ids, names, emails or codes must contain.
    var search: String?
    /// The page, from 1.
    var page = 1
    /// Items per page.
    var limit = 50

    /// Reads `kind` (a path segment) and the query parameters `q`, `page`, `limit`; a bad one is a 400/404.
    init(kind text: String, _ parameters: [String: String]) throws(VoucherifyError) {
      guard let kind = Kind(rawValue: text) else {
        throw VoucherifyError(
          status: 404, key: "not_found", message: "Resource not found",
          details: "No world tab '\(text)'; there are customers, vouchers and campaigns")
      }
      self.kind = kind
      search = parameters["q"].flatMap { $0.isEmpty ? nil : $0.lowercased() }
      page = try SendoutQuery.number(parameters, "page", default: 1, in: 1...1_000_000)
      limit = try SendoutQuery.number(parameters, "limit", default: 50, in: 1...SendoutQuery.maxLimit)
    }
  }

  /// One page of `query.kind` from `world`: `{object, kind, total, page, limit, pages, items}`.
  static func page(_ world: World, _ query: Query) -> JSON {
    switch query.kind {
    case .customers:
      return page(
        world.customers, query, text: { [$0.id, $0.sourceID, $0.name, $0.email].compactMap { $0 } }, item: customer)
    case .vouchers:
      return page(
        world.vouchers.lazy.filter { !$0.deleted }, query,
        text: { [$0.id, $0.code, $0.campaignName, $0.holderID ?? ""] },
        item: voucher)
    case .campaigns:
      return page(world.campaigns, query, text: { [$0.id, $0.name, $0.campaignType.rawValue] }, item: campaign)
    }
  }

  private static func page<C: BidirectionalCollection>(
    _ items: C, _ query: Query, text: (C.Element) -> [String], item: (C.Element) -> JSON
  ) -> JSON {
    let needle = query.search
    let first = (query.page - 1) * query.limit
    var total = 0
    var shown: [JSON] = []
    for element in items.reversed()
    where needle.map({ n in text(element).contains { $0.lowercased().contains(n) } }) ?? true {
      if total >= first && shown.count < query.limit { shown.append(item(element)) }
      total += 1
    }
    var o = JSONObject()
    o.append("object", "list")
    o.append("kind", .string(query.kind.rawValue))
    o.append("total", .int(total))
    o.append("page", .int(query.page))
    o.append("limit", .int(query.limit))
    o.append("pages", .int(max(1, (total + query.limit - 1) / query.limit)))
    o.append("items", .array(shown))
    return .object(o)
  }

  private static func customer(_ c: Customer) -> JSON {
    var o = JSONObject()
    o.append("id", .string(c.id))
    o.append("source_id", c.sourceID.map(JSON.string) ?? .null)
    o.append("name", c.name.map(JSON.string) ?? .null)
    o.append("email", c.email.map(JSON.string) ?? .null)
    o.append("orders", .int(c.orders.totalCount))
    o.append("orders_amount", .int(c.orders.totalAmount))
    o.append("redemptions", .int(c.redemptions.succeeded))
    o.append("loyalty_points", .int(c.loyaltyPoints))
    o.append("created_at", .string(c.createdAt.iso8601))
    return .object(o)
  }

  private static func voucher(_ v: Voucher) -> JSON {
    var o = JSONObject()
    o.append("code", .string(v.code))
    o.append("id", .string(v.id))
    o.append("type", .string(v.campaignType.voucherType))
    o.append("campaign", .string(v.campaignName))
    o.append("redeemed_quantity", .int(v.redeemedQuantity))
    o.append("redemption_quantity", v.redemptionQuantity.map { .int($0) } ?? .null)
    o.append("gift_balance", v.campaignType == .giftVouchers ? .int(v.giftBalance) : .null)
    o.append("loyalty_balance", v.campaignType == .loyaltyProgram ? .int(v.loyaltyBalance) : .null)
    o.append("holder_id", v.holderID.map(JSON.string) ?? .null)
    o.append("active", .bool(v.active))
    o.append("expiration_date", .string(v.expirationDate.iso8601))
    return .object(o)
  }

  private static func campaign(_ c: Campaign) -> JSON {
    var o = JSONObject()
    o.append("id", .string(c.id))
    o.append("name", .string(c.name))
    o.append("campaign_type", .string(c.campaignType.rawValue))
    o.append("vouchers_count", .int(c.vouchersCount))
    o.append("redeemed_quantity", .int(c.redeemedQuantity))
    o.append("active", .bool(c.active))
    o.append("created_at", .string(c.createdAt.iso8601))
    return .object(o)
  }
}
