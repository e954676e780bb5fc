/// Compiling a rule's `rules` JSON into a `RuleSet`, once. A malformed entry (no `name`, a numeric operator without
/// a number, a metadata rule without `property`, a `logic` that names no entry) is Voucherify's 400
/// `invalid_validation_rules`; a rule name or operator the mock does not evaluate is kept as `unsupported` (refused
/// with 501 when the rule is assigned), so that creating any rule the API accepts still succeeds.
extension RuleSet {
  /// The rule names the mock evaluates, and what each reads (`nil`: needs `property`, a metadata rule).
  static let subjects: [String: RuleSubject] = [
    "order.amount": .orderAmount, "order.initial_amount": .orderInitialAmount,
    "order.discount_amount": .orderDiscountAmount, "customer.segment": .customerSegment,
    "order.items.any": .itemsAny, "product.id": .itemsAny, "sku.id": .itemsAny, "order.items.every": .itemsEvery,
    "order.items.none": .itemsNone, "order.items.price_any": .itemsPriceAny, "order.items.price_each": .itemsPriceEach,
    "order.items.quantity": .itemQuantity, "product.quantity": .itemQuantity, "sku.quantity": .itemQuantity,
    "order.items.price": .itemPrice, "product.price": .itemPrice, "sku.price": .itemPrice,
    "order.items.amount": .itemAmount, "product.amount": .itemAmount, "sku.amount": .itemAmount,
    "order.items.aggregated_quantity": .itemsAggregatedQuantity,
    "order.items.aggregated_amount": .itemsAggregatedAmount,
    "redemption.count.per_customer": .redemptionsPerCustomer,
    "redemption.count.per_customer_per_day": .redemptionsPerCustomerPerDay,
    "campaign.redemptions.customers_count": .campaignRedemptionsPerCustomer,
    "campaign.redemptions.count": .campaignRedemptions,
    "publication.redeemable_by_linked_customer": .publicationHolderOnly,
  ]

  /// The metadata rule names, by what their `property` reads.
  static let metadataSubjects: [String: @Sendable (String) -> RuleSubject] = [
    "order.metadata": RuleSubject.orderMetadata, "customer.metadata": RuleSubject.customerMetadata,
    "redemption.metadata": RuleSubject.redemptionMetadata, "order.items.metadata": RuleSubject.itemMetadata,
    "product.metadata": RuleSubject.itemMetadata, "sku.metadata": RuleSubject.itemMetadata,
  ]

  /// Compiles `rules` (found at `path`, for messages).
  public static func compile(_ rules: JSONObject, at path: String = "rules") throws(VoucherifyError) -> RuleSet {
    var clauses: [String: RuleClause] = [:]
    var numbers: [String] = []
    var unsupported: String?
    for member in rules.members where member.key != "logic" {
      let at = "\(path).\(member.key)"
      guard let entry = member.value.objectValue else {
        throw invalid("`\(at)` must be an object, got \(member.value.typeName)")
      }
      numbers.append(member.key)
      switch try clause(entry, at: at) {
      case .compiled(let c): clauses[member.key] = c
      case .unsupported(let what): unsupported = unsupported ?? what
      }
    }
    let logic: RuleLogic
    if let text = rules["logic"]?.stringValue, !text.allSatisfy(\.isWhitespace) {
      var parser = RuleLogicParser(text: text, numbers: Set(numbers), path: "\(path).logic")
      logic = try parser.parse()
    } else {
      logic = .all
    }
    return RuleSet(clauses: clauses, logic: logic, unsupported: unsupported)
  }

  /// What compiling an entry or a condition gave: the compiled value, or the condition the mock does not evaluate.
  private enum Compiled<T> {
    case compiled(T)
    case unsupported(String)
  }

  /// One entry: a clause, or the condition the mock cannot evaluate.
  private static func clause(_ entry: JSONObject, at path: String) throws(VoucherifyError) -> Compiled<RuleClause> {
    guard let name = entry["name"]?.stringValue else { throw invalid("`\(path).name` is required (a rule name)") }
    let subject: RuleSubject
    if let known = subjects[name] {
      subject = known
    } else if let metadata = metadataSubjects[name] {
      guard let property = entry["property"]?.stringValue, !property.isEmpty else {
        throw invalid("`\(path).property` is required for a `\(name)` rule (the metadata key)")
      }
      subject = metadata(property)
    } else {
      return .unsupported("`\(path).name` '\(name)'")
    }
    let (tests, unsupported) = try conditionTests(
      entry["conditions"]?.objectValue ?? [:], subject, at: "\(path).conditions")
    if let unsupported { return .unsupported(unsupported) }
    var nested: RuleSet?
    if let inner = entry["rules"]?.objectValue, !inner.members.isEmpty {
      let compiled = try compile(inner, at: "\(path).rules")
      if let deeper = compiled.unsupported { return .unsupported(deeper) }
      nested = compiled
    }
    let message = entry["error"]?["message"]?.stringValue
    return .compiled(RuleClause(subject: subject, tests: tests, nested: nested, errorMessage: message))
  }

  /// The tests of a `conditions` object (`{"$is": […], …}`) found at `path`, or the first operator the mock does not
  /// evaluate (rules, and product collection filters, which read a product's fields as `subject`'s values).
  static func conditionTests(_ conditions: JSONObject, _ subject: RuleSubject, at path: String)
    throws(VoucherifyError) -> (tests: [RuleTest], unsupported: String?)
  {
    var tests: [RuleTest] = []
    for condition in conditions.members {
      let values = condition.value.arrayValue ?? [condition.value]
      switch try test(condition.key, values, subject, at: "\(path).\(condition.key)") {
      case .compiled(let t): tests.append(t)
      case .unsupported(let what): return (tests, what)
      }
    }
    return (tests, nil)
  }

  /// One operator and its values.
  private static func test(_ op: String, _ values: [JSON], _ subject: RuleSubject, at path: String)
    throws(VoucherifyError) -> Compiled<RuleTest>
  {
    let isItems = [.itemsAny, .itemsEvery, .itemsNone].contains(subject)
    if isItems && op != "$is" && op != "$in" {
      return .unsupported("`\(path)` '\(op)' on a product or SKU rule (only $is and $in)")
    }
    switch op {
    case "$is", "$in", "$is_not", "$not_in":
      var parsed: [RuleValue] = []
      for (i, value) in values.enumerated() {
        switch value {
        case .int, .double: parsed.append(.number(value.doubleValue ?? 0))
        case .string(let s): parsed.append(.text(s))
        case .bool(let b): parsed.append(.flag(b))
        case .object(let o):
          if let object = o["object"]?.stringValue ?? o["type"]?.stringValue, object.contains("collection") {
            guard let id = o["id"]?.stringValue, !id.isEmpty else {
              throw invalid("`\(path).\(i).id` is required for a product collection (its `pc_…` id)")
            }
            parsed.append(.collection(id: id))
            continue
          }
          let source = o["source_id"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
          parsed.append(.item(id: o["id"]?.stringValue, sourceID: source))
        default:
          throw invalid("`\(path).\(i)` must be a number, string, boolean or {id, source_id}, got \(value.typeName)")
        }
      }
      return .compiled(op == "$is" || op == "$in" ? .oneOf(parsed) : .noneOf(parsed))
    case "$less_than", "$less_than_or_equal", "$more_than", "$more_than_or_equal":
      guard let number = values.first?.doubleValue else {
        throw invalid("`\(path).0` must be a number (cents for amounts), got \(values.first?.typeName ?? "nothing")")
      }
      let tests: [String: RuleTest] = [
        "$less_than": .lessThan(number), "$less_than_or_equal": .atMost(number), "$more_than": .moreThan(number),
        "$more_than_or_equal": .atLeast(number),
      ]
      return .compiled(tests[op] ?? .atLeast(number))
    case "$starts_with", "$ends_with", "$contains":
      guard let text = values.first?.stringValue else {
        throw invalid("`\(path).0` must be a string, got \(values.first?.typeName ?? "nothing")")
      }
      return .compiled(
        op == "$starts_with" ? .startsWith(text) : op == "$ends_with" ? .endsWith(text) : .contains(text))
    default:
      return .unsupported("`\(path)` '\(op)'")
    }
  }

  /// 400 `invalid_validation_rules`.
  static func invalid(_ details: String) -> VoucherifyError {
    VoucherifyError(status: 400, key: "invalid_validation_rules", message: "Invalid validation rules", details: details)
  }

  /// 501 naming a condition the mock does not evaluate (`unsupported`).
  public static func notEvaluated(_ what: String) -> VoucherifyError {
    VoucherifyError.notSimulated(
      "the validation rule condition \(what) is not evaluated by sendout serve (docs/serve-fidelity.md)")
  }
}
