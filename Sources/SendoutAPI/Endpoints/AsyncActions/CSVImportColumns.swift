import SendoutCore

/// How an import's CSV columns become the body of its single operation, by the headers Voucherify documents for
/// each import (the spec's descriptions of the `…/importCSV` operations). A header is matched without case, a space
/// read as `_` (`Start Date` is `start_date`); a column that maps to no standard field is a metadata property of that
/// name (a string), and a metadata name may hold no white space (Voucherify's rule). An empty cell sets nothing.
struct CSVImportColumns: Sendable {
  /// What one column is.
  enum Column: Sendable {
    /// A string at a body path (`address.city`).
    case string(String)
    /// An integer at a body path.
    case int(String)
    /// `true` or `false` at a body path.
    case bool(String)
    /// A comma-separated list of strings at a body path.
    case list(String)
    /// A JSON object at a body path, Voucherify's `"{'color':'blue'}"` form (single quotes) accepted.
    case object(String)
    /// A path parameter of the single operation.
    case parameter(String)
    /// A column Voucherify documents that names nothing the mock keeps (a customer's own `Id`: ids are the mock's).
    case ignored
    /// A column Voucherify documents whose value the mock cannot hold: the import is refused (501), naming it.
    case unsimulated(String)
  }

  /// The single operation each row calls.
  var operation: String
  /// The columns, by normalized header.
  var columns: [String: Column]
  /// The columns a row must fill (normalized headers).
  var required: [String] = []
  /// The column naming a row in the result.
  var label: String?

  static let customers = Self(
    operation: "create-customer",
    columns: [
      "id": .ignored, "name": .string("name"), "email": .string("email"), "phone": .string("phone"),
      "birthdate": .string("birthdate"), "description": .string("description"), "source_id": .string("source_id"),
      "address_line_1": .string("address.line_1"), "address_line_2": .string("address.line_2"),
      "address_postal_code": .string("address.postal_code"), "address_city": .string("address.city"),
      "address_state": .string("address.state"), "address_country": .string("address.country"),
    ], label: "source_id")

  static let products = Self(
    operation: "create-product",
    columns: [
      "name": .string("name"), "source_id": .string("source_id"), "price": .int("price"),
      "attributes": .list("attributes"), "image_url": .string("image_url"),
    ], required: ["name"], label: "source_id")

  static let skus = Self(
    operation: "create-sku",
    columns: [
      "product_id": .parameter("productId"), "sku": .string("sku"), "source_id": .string("source_id"),
      "price": .int("price"), "image_url": .string("image_url"), "attributes": .object("attributes"),
    ], required: ["product_id", "source_id"])

  /// The voucher columns both voucher imports share.
  private static let voucherColumns: [String: Column] = [
    "code": .parameter("code"), "active": .bool("active"),
    "category": .unsimulated("the mock keeps no voucher categories"),
    "redeemed_quantity": .unsimulated("an imported code starts unredeemed"),
    "redeemed_amount": .unsimulated("an imported code starts unredeemed"),
  ]

  static let vouchers = Self(
    operation: "create-voucher",
    columns: voucherColumns.merging([
      "start_date": .string("start_date"), "expiration_date": .string("expiration_date"),
      "redemption_limit": .int("redemption.quantity"),
      "voucher_type": .unsimulated("a code takes its type from its campaign"),
      "value": .unsimulated("a code takes its discount from its campaign"),
      "discount_type": .unsimulated("a code takes its discount from its campaign"),
      "additional_info": .unsimulated("the mock keeps no additional info on codes"),
    ]) { first, _ in first }, required: ["code"], label: "code")

  static let campaignVouchers = Self(
    operation: "add-voucher-with-specific-code-to-campaign",
    columns: voucherColumns.merging([
      "gift_amount": .unsimulated("a gift card starts with its campaign's balance"),
      "loyalty_points": .unsimulated("a loyalty card starts with its campaign's points"),
    ]) { first, _ in first }, required: ["code"], label: "code")

  /// The normalized form of a header.
  static func normalized(_ header: String) -> String {
    String(header.lowercased().map { $0 == " " ? "_" : $0 })
  }

  /// Checks the header line: a column the mock cannot hold is a 501, a metadata name with white space a 400.
  func check(header: [String]) throws(VoucherifyError) {
    var seen = Set<String>()
    for name in header {
      let key = Self.normalized(name)
      guard seen.insert(key).inserted else {
        throw .invalidPayload("at `file`: line 1: the column '\(name)' appears twice")
      }
      switch columns[key] {
      case .unsimulated(let why):
        throw VoucherifyError.notSimulated("the column '\(name)' is not simulated by sendout serve: \(why)")
      case nil where name.contains(where: \.isWhitespace) || name.isEmpty:
        throw .invalidPayload(
          "at `file`: line 1: the metadata column '\(name)' must be a name without white space (Voucherify's rule)")
      default: continue
      }
    }
  }

  /// The row of `fields` (under `header`), number `row`, as a call of `operation` (`parameters` added).
  func row(_ fields: [String], header: [String], row: Int, parameters: [String: String]) -> AsyncActionRow {
    var body = JSONObject()
    var metadata = JSONObject()
    var params = parameters
    var refusal: String?
    var values: [String: String] = [:]
    for (name, text) in zip(header, fields) where !text.isEmpty {
      let key = Self.normalized(name)
      values[key] = text
      guard let column = columns[key] else {
        metadata[name] = .string(text)
        continue
      }
      switch column {
      case .string(let path): Self.set(&body, path, .string(text))
      case .parameter(let name): params[name] = text
      case .list(let path):
        let items = text.split(separator: ",").map { JSON.string($0.trimmingCharacters(in: " ")) }
        Self.set(&body, path, .array(items))
      case .int(let path):
        guard let number = Int(text) else {
          refusal = refusal ?? "\(name): must be an integer (actual value is '\(text)')"
          continue
        }
        Self.set(&body, path, .int(number))
      case .bool(let path):
        guard text == "true" || text == "false" else {
          refusal = refusal ?? "\(name): must be true or false (actual value is '\(text)')"
          continue
        }
        Self.set(&body, path, .bool(text == "true"))
      case .object(let path):
        let json = String(text.map { $0 == "'" ? "\"" : $0 })
        guard let object = try? JSONParser.parse(Array(json.utf8)), object.objectValue != nil else {
          refusal = refusal ?? "\(name): must be a JSON object like {'color':'blue'} (actual value is '\(text)')"
          continue
        }
        Self.set(&body, path, object)
      case .ignored, .unsimulated: continue
      }
    }
    if !metadata.members.isEmpty { body["metadata"] = .object(metadata) }
    for key in required where values[key] == nil {
      refusal = refusal ?? "\(key): property is required"
    }
    var made = AsyncActionRow(
      operation, params, body: .object(body), label: label.flatMap { values[$0] }, row: row)
    made.refusal = refusal
    return made
  }

  /// Sets `value` at `path` (one level of nesting at most, `address.city`).
  private static func set(_ body: inout JSONObject, _ path: String, _ value: JSON) {
    let parts = path.split(separator: ".", maxSplits: 1).map(String.init)
    guard parts.count == 2 else {
      body[path] = value
      return
    }
    var inner = body[parts[0]]?.objectValue ?? [:]
    inner[parts[1]] = value
    body[parts[0]] = .object(inner)
  }
}

extension Substring {
  /// Without the leading and trailing `character`s.
  fileprivate func trimmingCharacters(in character: Character) -> String {
    String(drop { $0 == character }.reversed().drop { $0 == character }.reversed())
  }
}
