/// A validation rule's `applicable_to`: the products, SKUs and product collections an item-level discount applies to
/// (`included`, or every line with `included_all`) and those it never touches (`excluded`), with the caps the mock
/// evaluates per target (`quantity_limit`, `amount_limit`, `aggregated_amount_limit`). Another setting (an effect
/// other than `APPLY_TO_EVERY`, `price`, `order_item_indices`, `repeat`, …) is kept as `unsupported`: a rule holding
/// one is refused with 501 when assigned, never ignored.
public struct ApplicableTo: Sendable, Equatable {
  /// One product, SKU or collection and its caps.
  public struct Target: Sendable, Equatable {
    /// What it names (`RuleValue.item` or `.collection`).
    public var ref: RuleValue
    /// Units of a line discounted at most.
    public var quantityLimit: Int?
    /// Cents off a line at most.
    public var amountLimit: Int?
    /// Cents off all lines of this target together at most.
    public var aggregatedAmountLimit: Int?
    /// The entry as sent (for the validation answer's `applicable_to`).
    public var json: JSONObject

    /// A target of `ref` and its caps.
    public init(
      ref: RuleValue, quantityLimit: Int? = nil, amountLimit: Int? = nil, aggregatedAmountLimit: Int? = nil,
      json: JSONObject = [:]
    ) {
      self.ref = ref
      self.quantityLimit = quantityLimit
      self.amountLimit = amountLimit
      self.aggregatedAmountLimit = aggregatedAmountLimit
      self.json = json
    }
  }

  /// `included`.
  public var included: [Target]
  /// `excluded`.
  public var excluded: [Target]
  /// `included_all`: every line not excluded.
  public var includedAll: Bool
  /// The first setting the mock does not evaluate, or `nil`.
  public var unsupported: String?

  /// The keys of an entry the mock reads or that only describe it.
  private static let known: Set<String> = [
    "object", "id", "source_id", "product_id", "product_source_id", "effect", "quantity_limit", "amount_limit",
    "aggregated_amount_limit", "strict",
  ]

  /// Reads `json` (found at `path`): 400 for an entry without `id` or of another object.
  public static func parse(_ json: JSONObject, at path: String = "applicable_to") throws(VoucherifyError)
    -> ApplicableTo
  {
    var unsupported: String?
    func targets(_ key: String) throws(VoucherifyError) -> [Target] {
      var out: [Target] = []
      for (i, entry) in (json[key]?.arrayValue ?? []).enumerated() {
        let at = "\(path).\(key).\(i)"
        guard let o = entry.objectValue, let id = o["id"]?.stringValue, !id.isEmpty else {
          throw RuleSet.invalid("`\(at)` must be {object, id}: a product, SKU or products_collection")
        }
        let object = o["object"]?.stringValue ?? "product"
        guard ["product", "sku", "products_collection"].contains(object) else {
          throw RuleSet.invalid("`\(at).object` must be product, sku or products_collection, got '\(object)'")
        }
        if let effect = o["effect"]?.stringValue, effect != "APPLY_TO_EVERY" {
          unsupported = unsupported ?? "`\(at).effect` '\(effect)'"
        }
        for member in o.members where !known.contains(member.key) && member.value != .null {
          unsupported = unsupported ?? "`\(at).\(member.key)`"
        }
        let ref: RuleValue =
          object == "products_collection" ? .collection(id: id) : .item(id: id, sourceID: o["source_id"]?.stringValue)
        out.append(
          Target(
            ref: ref, quantityLimit: o["quantity_limit"]?.intValue, amountLimit: o["amount_limit"]?.intValue,
            aggregatedAmountLimit: o["aggregated_amount_limit"]?.intValue, json: o))
      }
      return out
    }
    let included = try targets("included")
    let excluded = try targets("excluded")
    return ApplicableTo(
      included: included, excluded: excluded, includedAll: json["included_all"]?.boolValue ?? false,
      unsupported: unsupported)
  }

  /// `applicable_to` as a rule answers it: the entries as sent.
  public var json: JSONObject {
    [
      "excluded": .array(excluded.map { .object($0.json) }), "included": .array(included.map { .object($0.json) }),
      "included_all": .bool(includedAll),
    ]
  }
}
