import SendoutCore

/// What a check-eligibility request asks (`scenario`, `options`): which redeemables, filtered how, sorted how, which
/// page. A scenario or option the mock cannot answer as Voucherify would is a 501 naming it, never a guess.
struct QualificationOptions: Sendable {
  /// The scenarios simulated: `ALL`, `CUSTOMER_WALLET`, `AUDIENCE_ONLY`.
  enum Scenario: String, Sendable {
    /// The customer's codes, the generic codes and the promotion tiers, on the customer and the cart (default).
    case all = "ALL"
    /// The codes the customer holds, on the customer and the cart.
    case customerWallet = "CUSTOMER_WALLET"
    /// Everything `ALL` considers, its rules read on the customer's profile only.
    case audienceOnly = "AUDIENCE_ONLY"
  }

  /// How the page is sorted (`options.sorting_rule`).
  enum Sorting: String, Sendable {
    /// Newest first (`created_at` descending).
    case newest = "DEFAULT"
    /// Largest discount first (`total_applied_discount_amount` descending).
    case bestDeal = "BEST_DEAL"
    /// Smallest discount first.
    case leastDeal = "LEAST_DEAL"
  }

  /// The spec's default and largest `options.limit`.
  static let defaultLimit = 5
  /// The largest page (`options.limit` maximum).
  static let maximumLimit = 50

  /// `scenario` (`ALL` when absent or null).
  var scenario = Scenario.all
  /// `options.limit`.
  var limit = defaultLimit
  /// `options.starting_after`: only redeemables created before it.
  var startingAfter: Timestamp?
  /// `options.sorting_rule`.
  var sorting = Sorting.newest
  /// `options.expand`.
  var expand: Set<String> = []
  /// `options.filters`.
  var filters = QualificationFilters()

  /// Reads the request's `scenario` and `options`; a bad value is a 400 naming the field, a scenario or option the
  /// mock does not simulate a 501 naming it.
  init(_ request: APIRequest) throws(VoucherifyError) {
    let key = VoucherifyError.invalidPayloadKey
    if let name = try request.string(at: "scenario", errorKey: key) {
      guard let scenario = Scenario(rawValue: name) else { throw Self.notSimulated("scenario \(name)") }
      self.scenario = scenario
    }
    if let limit = try request.int(at: "options.limit", errorKey: key) {
      guard (1...Self.maximumLimit).contains(limit) else {
        throw VoucherifyError(
          status: 400, key: key, message: "Invalid payload",
          details: "at `options.limit`: expected 1 to \(Self.maximumLimit), got \(limit)")
      }
      self.limit = limit
    }
    startingAfter = try request.time(at: "options.starting_after", errorKey: key)
    if let rule = try request.choice(at: "options.sorting_rule", ["DEFAULT", "BEST_DEAL", "LEAST_DEAL"], errorKey: key)
    {
      sorting = Sorting(rawValue: rule) ?? .newest
    }
    if startingAfter != nil, sorting != .newest {
      throw Self.notSimulated("options.starting_after with sorting_rule \(sorting.rawValue)")
    }
    expand = Set((request.array(at: "options.expand") ?? []).compactMap(\.stringValue))
    if let filters = try request.object(at: "options.filters", errorKey: key) {
      self.filters = try QualificationFilters(filters)
    }
  }

  /// 501 for what the mock does not simulate, naming it.
  static func notSimulated(_ what: String) -> VoucherifyError {
    VoucherifyError.notSimulated(
      "check-eligibility \(what) is not simulated by sendout serve (simulated scenarios: ALL, "
        + "CUSTOMER_WALLET, AUDIENCE_ONLY; docs/serve-fidelity.md)")
  }

  /// The page of `outcomes` asked for: sorted, after the cursor, at most `limit` long (shorter when the last ones
  /// share their `created_at` with the next one, so the cursor skips none), and whether more follow.
  func page(of outcomes: [StackOutcome], in world: World) -> (page: [StackOutcome], hasMore: Bool) {
    var rows = outcomes.map { (outcome: $0, created: world.createdAt(of: $0)) }
    if let startingAfter { rows.removeAll { $0.created >= startingAfter } }
    rows.sort { a, b in
      if sorting != .newest, a.outcome.discount != b.outcome.discount {
        return sorting == .bestDeal ? a.outcome.discount > b.outcome.discount : a.outcome.discount < b.outcome.discount
      }
      return a.created != b.created ? a.created > b.created : a.outcome.redeemable.id > b.outcome.redeemable.id
    }
    guard rows.count > limit else { return (rows.map(\.outcome), false) }
    var end = limit
    if sorting == .newest {
      let boundary = rows[limit].created
      while end > 0, rows[end - 1].created == boundary { end -= 1 }
      if end == 0 {
        end = limit
        while end < rows.count, rows[end].created == boundary { end += 1 }
      }
    }
    return (rows[..<end].map(\.outcome), end < rows.count)
  }
}
