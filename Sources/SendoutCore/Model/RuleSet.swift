/// A validation rule's `rules` compiled once, when the rule is created or changed: numbered clauses and the
/// `logic` between them, evaluated per validation or redemption without reading JSON again (`World.ruleFailure`).
/// Rule format: the spec's `ValidationRuleBase.rules` ("numbered entries `{name, property, conditions, rules}` and
/// `logic`"); names and semantics: docs/serve-fidelity.md, "Validation rules".
public struct RuleSet: Sendable, Equatable {
  /// The clauses, by their number in `rules` (`"1"`, `"2"`, …).
  public var clauses: [String: RuleClause]
  /// How the clauses combine.
  public var logic: RuleLogic
  /// The first condition the mock does not evaluate (`rules.2.name 'custom_event.metadata'`), or `nil` when it
  /// evaluates them all; a rule with one is refused with 501 when assigned.
  public var unsupported: String?

  /// Creates a rule set.
  public init(clauses: [String: RuleClause], logic: RuleLogic, unsupported: String?) {
    self.clauses = clauses
    self.logic = logic
    self.unsupported = unsupported
  }

  /// No clauses: always satisfied.
  public static let empty = RuleSet(clauses: [:], logic: .all, unsupported: nil)

  /// Whether a clause (a nested one too) reads the redeemable checked (its redemption counts, its holder), so the
  /// set may hold for one code and fail for another on the same request.
  var readsRedeemable: Bool {
    clauses.values.contains { $0.subject.readsRedeemable || $0.nested?.readsRedeemable == true }
  }
}

/// How a rule set's clauses combine (`"(1 and 2) or not 3"`).
public indirect enum RuleLogic: Sendable, Equatable {
  /// Clause number `n` holds.
  case clause(String)
  /// Both hold.
  case and(RuleLogic, RuleLogic)
  /// Either holds.
  case or(RuleLogic, RuleLogic)
  /// It does not hold.
  case not(RuleLogic)
  /// Every clause holds (a rule set without `logic`).
  case all
}

/// One numbered entry of `rules`: what it reads, how it compares, and its nested `rules` (the items a product or
/// items condition matched).
public struct RuleClause: Sendable, Equatable {
  /// What the clause reads.
  public var subject: RuleSubject
  /// How it compares: every test holds (`conditions` usually holds one operator).
  public var tests: [RuleTest]
  /// Nested rules about the matched items, if any.
  public var nested: RuleSet?
  /// The clause's own `error.message`.
  public var errorMessage: String?

  /// Creates a clause.
  public init(subject: RuleSubject, tests: [RuleTest], nested: RuleSet?, errorMessage: String?) {
    self.subject = subject
    self.tests = tests
    self.nested = nested
    self.errorMessage = errorMessage
  }
}

/// What a clause reads: a rule `name` (and its `property` for metadata).
public enum RuleSubject: Sendable, Equatable {
  /// `order.amount`: the total the redeemable sees (after the discounts of the redeemables before it).
  case orderAmount
  /// `order.initial_amount`: the amount sent, before any discount.
  case orderInitialAmount
  /// `order.discount_amount`: what the redeemables before it took off.
  case orderDiscountAmount
  /// `order.metadata` `property`.
  case orderMetadata(String)
  /// `customer.metadata` `property`.
  case customerMetadata(String)
  /// `redemption.metadata` `property` (the request's `metadata`).
  case redemptionMetadata(String)
  /// `customer.segment`: segment ids.
  case customerSegment
  /// `order.items.any`, `product.id`, `sku.id`: some line is one of the products/SKUs (nested rules on them).
  case itemsAny
  /// `order.items.every`: each product/SKU named is in the order.
  case itemsEvery
  /// `order.items.none`: none of them is.
  case itemsNone
  /// `order.items.price_any`: some line's unit price.
  case itemsPriceAny
  /// `order.items.price_each`: every line's unit price.
  case itemsPriceEach
  /// `order.items.quantity`, `product.quantity`, `sku.quantity`: some matched line's quantity.
  case itemQuantity
  /// `order.items.price`, `product.price`, `sku.price`: some matched line's unit price.
  case itemPrice
  /// `order.items.amount`, `product.amount`, `sku.amount`: some matched line's amount.
  case itemAmount
  /// `order.items.aggregated_quantity`: the matched lines' quantities together.
  case itemsAggregatedQuantity
  /// `order.items.aggregated_amount`: the matched lines' amounts together.
  case itemsAggregatedAmount
  /// `order.items.metadata` `property`: some matched line's (product's) metadata.
  case itemMetadata(String)
  /// `redemption.count.per_customer`: this customer's redemptions of the redeemable, this one included.
  case redemptionsPerCustomer
  /// `redemption.count.per_customer_per_day`: the same, today (UTC).
  case redemptionsPerCustomerPerDay
  /// `campaign.redemptions.customers_count`: this customer's redemptions in the campaign, this one included.
  case campaignRedemptionsPerCustomer
  /// `campaign.redemptions.count`: the campaign's redemptions, this one included.
  case campaignRedemptions
  /// `publication.redeemable_by_linked_customer`: the redeeming customer holds the code.
  case publicationHolderOnly

  /// Whether a failure of it is about the customer (`customer_rules_violated`) rather than the order.
  public var isAboutCustomer: Bool {
    switch self {
    case .customerMetadata, .customerSegment, .redemptionsPerCustomer, .redemptionsPerCustomerPerDay,
      .campaignRedemptionsPerCustomer, .publicationHolderOnly:
      true
    default: false
    }
  }

  /// Whether it reads the redeemable checked rather than the request alone.
  var readsRedeemable: Bool {
    switch self {
    case .redemptionsPerCustomer, .redemptionsPerCustomerPerDay, .campaignRedemptionsPerCustomer, .campaignRedemptions,
      .publicationHolderOnly:
      true
    default: false
    }
  }
}

/// A clause's `conditions`: one operator and its values.
public enum RuleTest: Sendable, Equatable {
  /// `$is` / `$in`: equal to one of the values.
  case oneOf([RuleValue])
  /// `$is_not` / `$not_in`: equal to none of them.
  case noneOf([RuleValue])
  /// `$less_than`.
  case lessThan(Double)
  /// `$less_than_or_equal`.
  case atMost(Double)
  /// `$more_than`.
  case moreThan(Double)
  /// `$more_than_or_equal`.
  case atLeast(Double)
  /// `$starts_with`.
  case startsWith(String)
  /// `$ends_with`.
  case endsWith(String)
  /// `$contains`.
  case contains(String)
}

/// One value of a condition: a scalar, or a product/SKU reference (`{id, source_id, object}`).
public enum RuleValue: Sendable, Equatable {
  /// A number.
  case number(Double)
  /// A string (segment id, metadata value).
  case text(String)
  /// `true` / `false`.
  case flag(Bool)
  /// A product or SKU: its id and/or `source_id`.
  case item(id: String?, sourceID: String?)
  /// A product collection (`{id: "pc_…", object: "products_collection"}`): a line of one of its products or SKUs.
  case collection(id: String)
}
