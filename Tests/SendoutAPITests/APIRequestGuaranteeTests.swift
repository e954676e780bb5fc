import SendoutAPI
import SendoutCore
import Testing

/// The endpoints read these fields without checking their types (`request.string(at:)`, `request.flag(_:)`, …):
/// the request check generated from the spec guarantees each, so a spec that changed a type would fail here, not
/// in a handler. A field the spec types more loosely than the mock (an integer it calls a number) is read with a
/// checking reader instead and is not listed.
@Suite struct APIRequestGuaranteeTests {
  /// The kind of value a reader takes.
  enum Kind: String, Sendable { case string, integer, number, boolean, object, array }

  static let campaign = "create-campaign"
  static let reads: [(String, String, Kind)] =
    [
      (campaign, "vouchers_count", .integer), (campaign, "description", .string), (campaign, "metadata", .object),
      (campaign, "voucher.loyalty_card.points", .integer), (campaign, "voucher.redemption.quantity", .integer),
      (campaign, "voucher.code_config", .object), (campaign, "voucher.code_config.pattern", .string),
      (campaign, "voucher.code_config.charset", .string), (campaign, "voucher.code_config.prefix", .string),
      (campaign, "voucher.code_config.postfix", .string), (campaign, "promotion.tiers", .array),
      (campaign, "voucher.discount", .object), (campaign, "voucher.discount.percent_off", .number),
      (campaign, "promotion.tiers.0.action.discount", .object),
      (campaign, "promotion.tiers.0.action.discount.percent_off", .number),
      ("update-campaign", "description", .string), ("update-campaign", "metadata", .object),
      ("add-vouchers-to-campaign", "code", .string), ("generate-random-code", "code", .string),
      ("update-voucher", "active", .boolean), ("update-voucher", "metadata", .object),
      ("create-customer", "source_id", .string), ("create-customer", "name", .string),
      ("create-customer", "email", .string), ("create-customer", "metadata", .object),
      ("track-custom-event", "event", .string), ("track-custom-event", "customer", .object),
      ("track-custom-event", "metadata", .object), ("track-custom-event-client-side", "event", .string),
      ("track-custom-event-client-side", "customer", .object), ("track-custom-event-client-side", "metadata", .object),
      ("add-promotion-tier-to-campaign", "banner", .string),
      ("add-promotion-tier-to-campaign", "action.discount", .object),
      ("add-promotion-tier-to-campaign", "action.discount.percent_off", .number),
      ("update-promotion-tier", "banner", .string),
      ("referrals-add-holders", "holders", .array), ("referrals-add-holders", "holders.0.id", .string),
      ("referrals-add-holders", "holders.0.source_id", .string), ("referrals-add-holders-1", "holders", .array),
      ("referrals-add-holders-1", "holders.0.id", .string), ("referrals-add-holders-1", "holders.0.source_id", .string),
      ("create-segment", "type", .string), ("create-segment", "customers", .array),
      ("create-segment", "customers.0", .string), ("create-validation-rules", "rules", .object),
      ("update-validation-rule", "rules", .object),
    ]
    + ["name", "email", "phone", "birthday", "birthdate", "description"].map { ("update-customer", $0, Kind.string) }
    + ["city", "state", "line_1", "country", "postal_code"].map { ("update-customer", "address.\($0)", Kind.string) }
    + [("update-customer", "metadata", .object)]
    + ["create-product", "update-product"].flatMap { op in
      [
        (op, "name", .string), (op, "price", .integer), (op, "attributes", .array), (op, "attributes.0", .string),
        (op, "metadata", .object), (op, "image_url", .string),
      ] as [(String, String, Kind)]
    }
    + [
      ("create-product", "id", .string), ("create-product", "source_id", .string), ("create-sku", "id", .string),
      ("create-sku", "source_id", .string),
    ]
    + ["create-sku", "update-sku"].flatMap { op in
      [
        (op, "sku", .string), (op, "price", .integer), (op, "currency", .string), (op, "attributes", .object),
        (op, "image_url", .string), (op, "metadata", .object),
      ] as [(String, String, Kind)]
    }
    + ["create-reward", "update-reward"].flatMap { op in
      [
        (op, "name", .string), (op, "stock", .integer), (op, "attributes", .object), (op, "metadata", .object),
        (op, "parameters.campaign", .object), (op, "parameters.campaign.id", .string),
        (op, "parameters.campaign.balance", .integer), (op, "parameters.product", .object),
        (op, "parameters.product.id", .string), (op, "parameters.product.sku_id", .string),
        (op, "parameters.coin", .object),
      ] as [(String, String, Kind)]
    }
    + ["name", "description", "campaign_id", "promotion_tier_id"].map { ("create-campaign-template", $0, Kind.string) }
    + ["name", "description"].map { ("update-campaign-template", $0, Kind.string) }
    + ["brand", "address", "contact"].flatMap { section in
      ["create-brand", "update-brand"].map { ($0, section, Kind.object) }
    }
    + ["brand.privacy_policy_url", "brand.terms_of_use_url", "brand.website_url", "contact.email"].flatMap { field in
      ["create-brand", "update-brand"].map { ($0, field, Kind.string) }
    }

  /// Query flags read with `request.flag(_:)`.
  static let flags: [(String, String)] = [
    ("delete-campaign", "force"), ("delete-voucher", "force"), ("list-promotion-tiers", "is_available"),
  ]

  @Test func everyFieldReadUncheckedIsOfItsTypeInTheSpec() {
    var wrong: [String] = []
    for (operation, path, kind) in Self.reads {
      let shape = APIRequestShape.spec.operations[operation]?.body ?? .any
      let found = Self.kinds(of: shape, at: path.split(separator: ".").map(String.init))
      if found != [kind] { wrong.append("\(operation) \(path): \(found.map(\.rawValue).sorted())") }
    }
    for (operation, name) in Self.flags {
      let shape = APIRequestShape.spec.operations[operation]?.query[name] ?? .any
      if Self.kinds(of: shape, at: []) != [.boolean] { wrong.append("\(operation) ?\(name)") }
    }
    #expect(wrong.isEmpty, "\(wrong)")
  }

  /// The kinds of value the shape allows at `path` (array elements by index); empty when it allows any.
  static func kinds(of shape: APIShape, at path: [String]) -> Set<Kind> {
    let schemas = APIRequestShape.spec.schemas
    switch (shape, path.first) {
    case (.nullable(let inner), _): return kinds(of: inner, at: path)
    case (.named(let name), _): return kinds(of: schemas[name] ?? .any, at: path)
    case (.anyOf(let alternatives), _):
      return alternatives.reduce(into: []) { $0.formUnion(kinds(of: $1, at: path)) }
    case (.object(let fields, _), let name?):
      return fields[name].map { kinds(of: $0, at: Array(path.dropFirst())) } ?? []
    case (.array(let element), let index?) where Int(index) != nil:
      return kinds(of: element, at: Array(path.dropFirst()))
    case (_, _?), (.any, nil): return []
    case (.string, nil), (.date, nil): return [.string]
    case (.integer, nil): return [.integer]
    case (.number, nil): return [.number]
    case (.boolean, nil): return [.boolean]
    case (.object, nil): return [.object]
    case (.array, nil): return [.array]
    }
  }
}
