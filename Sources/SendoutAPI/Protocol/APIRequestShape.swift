import SendoutCore

/// What one operation's request may hold, from the spec: its body's shape and its query parameters' (scalars and
/// enums only; a `customer[id]=…` object parameter is not checked). `check` runs before any endpoint, so endpoints
/// read typed values without checking their types again.
package struct APIRequestShape: Sendable, Equatable {
  /// The body's shape; `nil` when the operation takes no body.
  package var body: APIShape?
  /// The query parameters' shapes, by name.
  package var query: [String: APIShape]
  /// The query parameters the spec requires.
  package var requiredQuery: [String]

  /// Every operation's shape by `operationId`, and the component schemas they name, read once from the
  /// generated `specText`.
  package static let spec: (operations: [String: APIRequestShape], schemas: [String: APIShape]) = {
    let table = (try? JSONParser.parse(Array(specText.utf8))) ?? [:]
    let schemas = (table["schemas"]?.objectValue?.members ?? []).map { ($0.key, APIShape(notation: $0.value)) }
    let operations = (table["operations"]?.objectValue?.members ?? []).map { member in
      let entry = member.value
      let query = (entry["query"]?.objectValue?.members ?? []).map { ($0.key, APIShape(notation: $0.value)) }
      return (
        member.key,
        APIRequestShape(
          body: entry["body"].map(APIShape.init(notation:)),
          query: Dictionary(query) { first, _ in first },
          requiredQuery: (entry["required_query"]?.arrayValue ?? []).compactMap(\.stringValue))
      )
    }
    return (Dictionary(operations) { first, _ in first }, Dictionary(schemas) { first, _ in first })
  }()

  /// Checks a call's `query` then its `body` against the shape: a query parameter of the wrong type is
  /// Voucherify's 400 `invalid_query_params`, a body field of the wrong type, a missing required field or a value
  /// outside its enum a 400 with `bodyKey` (`invalid_payload`, or the resource's own key such as
  /// `invalid_customer`), naming the field path (`order.items[0].quantity`); a missing `customer` is Voucherify's
  /// `missing_customer`.
  package func check(body value: JSON, query values: [String: String], bodyKey: String) throws(VoucherifyError) {
    let schemas = Self.spec.schemas
    for name in requiredQuery where values[name] == nil {
      throw Self.queryError("`\(name)` is required")
    }
    for (name, text) in values.sorted(by: { $0.key < $1.key }) {
      guard let shape = query[name], !APIShapeCheck.accepts(text, shape, in: schemas) else { continue }
      throw Self.queryError("`\(name)` must be \(shape.described(in: schemas)), got '\(text.prefix(40))'")
    }
    guard let body else { return }
    guard let problem = APIShapeCheck(schemas: schemas).problem(value, shape: body, path: "") else { return }
    if problem.missing == "customer" {
      throw VoucherifyError(
        status: 400, key: "missing_customer", message: "Missing customer", details: problem.details)
    }
    throw VoucherifyError(status: 400, key: bodyKey, message: "Invalid payload", details: problem.details)
  }

  /// Voucherify's 400 for a query parameter.
  private static func queryError(_ details: String) -> VoucherifyError {
    VoucherifyError(status: 400, key: "invalid_query_params", message: "Invalid query params", details: details)
  }
}
