/// An auto-update product collection's `filter` compiled once: `{"junction": "and"|"or", "<field>": {"conditions":
/// {"$op": [values]}}, …}` over a product's `id`, `source_id`, `name`, `price`, `image_url` or `metadata.<key>`, with
/// the validation rules' operators (`$is`, `$in`, `$is_not`, `$not_in`, the number comparisons, `$starts_with`,
/// `$ends_with`, `$contains`). Another field or operator is refused when the collection is created (501 naming it),
/// never ignored.
public struct ProductFilter: Sendable, Equatable {
  /// One field and how it compares.
  public struct Field: Sendable, Equatable {
    /// The product field (`price`, `metadata.color`).
    public var name: String
    /// Its tests, as a clause (its subject is unused).
    public var clause: RuleClause
  }

  /// Whether every field must hold (`and`) or one is enough (`or`).
  public var all: Bool
  /// The fields, in the order sent.
  public var fields: [Field]

  /// The fields a filter may read besides `metadata.<key>`.
  static let productFields: Set<String> = ["id", "source_id", "name", "price", "image_url"]

  /// Compiles `filter` (found at `path`): 400 for a malformed one, 501 for a field or operator the mock does not
  /// evaluate.
  public static func compile(_ filter: JSONObject, at path: String = "filter") throws(VoucherifyError) -> ProductFilter
  {
    let junction = filter["junction"]?.stringValue?.lowercased()
    guard junction == "and" || junction == "or" else {
      throw .invalidPayload(
        "`\(path).junction` must be 'and' or 'or', got \(filter["junction"]?.stringValue.map { "'\($0)'" } ?? "nothing")"
      )
    }
    var fields: [Field] = []
    for member in filter.members where member.key != "junction" {
      let at = "\(path).\(member.key)"
      guard productFields.contains(member.key) || member.key.hasPrefix("metadata.") else {
        throw notEvaluated("`\(at)`: the field '\(member.key)'")
      }
      guard let conditions = member.value["conditions"]?.objectValue else {
        throw .invalidPayload("`\(at).conditions` must be an object such as {\"$is\": [\"value\"]}")
      }
      let compiled: (tests: [RuleTest], unsupported: String?)
      do {
        compiled = try RuleSet.conditionTests(conditions, .orderAmount, at: "\(at).conditions")
      } catch {
        throw .invalidPayload(error.details ?? error.message)
      }
      if let what = compiled.unsupported { throw notEvaluated(what) }
      let clause = RuleClause(subject: .orderAmount, tests: compiled.tests, nested: nil, errorMessage: nil)
      fields.append(Field(name: member.key, clause: clause))
    }
    return ProductFilter(all: junction == "and", fields: fields)
  }

  /// Whether `product` passes the filter (a filter without fields takes every product).
  public func matches(_ product: Product) -> Bool {
    let passes = { (field: Field) in field.clause.passes(Self.value(of: field.name, in: product)) }
    return fields.isEmpty || (all ? fields.allSatisfy(passes) : fields.contains(where: passes))
  }

  /// The product's value of `field` (`nil`: not given).
  static func value(of field: String, in product: Product) -> JSON? {
    let f = product.fields
    switch field {
    case "id": return .string(product.id)
    case "source_id": return f.sourceID.map { .string($0) }
    case "name": return f.name.map { .string($0) }
    case "price": return f.price.map { .int($0) }
    case "image_url": return f.imageURL.map { .string($0) }
    default: return f.metadata?[String(field.dropFirst("metadata.".count))]
    }
  }

  /// 501 naming what a collection filter holds that the mock does not evaluate.
  static func notEvaluated(_ what: String) -> VoucherifyError {
    VoucherifyError.notSimulated(
      "the product collection filter \(what) is not evaluated by sendout serve (docs/serve-fidelity.md)")
  }
}
