import SendoutCore

/// What the list endpoints share: `limit`/`page` paging, the `starting_after` (a time) and `starting_after_id` (an id)
/// cursors, `order` by a field (`-` for descending), `created_at[before]`/`created_at[after]` filters, and the
/// `{object: "list", data_ref, <key>: […], total}` envelope.
enum APIList {
  /// A sort field: how two items compare ascending.
  typealias Order<T> = (T, T) -> Bool

  /// `items` sorted by the `order` query parameter, one of `fields` (descending with a leading `-`); unsorted
  /// (creation order) without one; another value is a 400 listing the allowed ones.
  static func sorted<T>(_ items: [T], _ request: APIRequest, by fields: [String: Order<T>]) throws(VoucherifyError)
    -> [T]
  {
    guard let text = request.query["order"], !text.isEmpty else { return items }
    let descending = text.hasPrefix("-")
    let name = descending ? String(text.dropFirst()) : text
    guard let ascending = fields[name] else {
      let allowed = fields.keys.sorted().flatMap { [$0, "-" + $0] }.joined(separator: ", ")
      throw VoucherifyError(
        status: 400, key: "invalid_query_params", message: "Invalid query params",
        details: "`order` must be one of \(allowed), got '\(text)'")
    }
    // A stable sort: equal items keep creation order.
    let indexed = Array(items.enumerated())
    return indexed.sorted { a, b in
      if descending ? ascending(b.element, a.element) : ascending(a.element, b.element) { return true }
      if descending ? ascending(a.element, b.element) : ascending(b.element, a.element) { return false }
      return a.offset < b.offset
    }.map(\.element)
  }

  /// One page of `items` by `limit` (1–100, default 10) and `page` (from 1).
  static func page<T>(_ items: [T], _ request: APIRequest, defaultLimit: Int = 10) throws(VoucherifyError)
    -> ArraySlice<T>
  {
    let limit = try APIEndpoints.pageParameter(request, "limit", default: defaultLimit, range: 1...100)
    let page = try APIEndpoints.pageParameter(request, "page", default: 1, range: 1...10_000)
    return items.dropFirst((page - 1) * limit).prefix(limit)
  }

  /// The items after the `starting_after` cursor, as `GET /v1/customers` documents it: a `created_at` time (an
  /// `updated_at` time with `order=updated_at` or `-updated_at`); with `order=created_at` or `updated_at` those after
  /// it, oldest first, else those before it, newest first (equal times keep the order of `items`). All `items` as
  /// they are without a cursor.
  static func afterTime<T>(
    _ items: [T], _ request: APIRequest, created: (T) -> Timestamp, updated: (T) -> Timestamp
  ) throws(VoucherifyError) -> [T] {
    guard let cursor = try time(request, "starting_after") else { return items }
    let order = request.query["order"] ?? ""
    let field = order.hasSuffix("updated_at") ? updated : created
    let ascending = order == "created_at" || order == "updated_at"
    let kept = items.enumerated().filter { ascending ? field($0.element) > cursor : field($0.element) < cursor }
    return kept.sorted { a, b in
      let (x, y) = (field(a.element), field(b.element))
      return x == y ? a.offset < b.offset : (x < y) == ascending
    }.map(\.element)
  }

  /// One page of `items` after the `starting_after_id` cursor (the id of one of them; an unknown id starts at the
  /// top) by `limit` (1–100, default 10), in the `{object: "list", data_ref: "data", data, has_more}` envelope, with
  /// `more_starting_after` (the page's last id) when there are more, and the count of all `items` when `counted`.
  static func cursorBody<T>(
    _ items: [T], _ request: APIRequest, id: (T) -> String, counted: Bool = false, json: (T) -> JSON
  ) throws(VoucherifyError) -> JSON {
    let limit = try APIEndpoints.pageParameter(request, "limit", default: 10, range: 1...100)
    var rest = items[...]
    if let after = request.query["starting_after_id"], let at = items.firstIndex(where: { id($0) == after }) {
      rest = items[(at + 1)...]
    }
    let page = rest.prefix(limit)
    var body: JSONObject = ["object": "list", "data_ref": "data", "data": .array(page.map(json))]
    if counted { body["total"] = .int(items.count) }
    body["has_more"] = .bool(rest.count > page.count)
    if rest.count > page.count, let last = page.last { body["more_starting_after"] = .string(id(last)) }
    return .object(body)
  }

  /// Whether `time` passes the `<field>[before]`/`<field>[after]` filters of the query.
  static func timeFilter(_ request: APIRequest, _ field: String) throws(VoucherifyError) -> (Timestamp?) -> Bool {
    let before = try time(request, "\(field)[before]")
    let after = try time(request, "\(field)[after]")
    if before == nil && after == nil { return { _ in true } }
    return { time in
      guard let time else { return false }
      return (before.map { time < $0 } ?? true) && (after.map { time > $0 } ?? true)
    }
  }

  /// The list envelope.
  static func body(_ key: String, _ items: [JSON], total: Int, hasMore: Bool? = nil) -> JSON {
    var o: JSONObject = ["object": "list", "data_ref": .string(key), key: .array(items), "total": .int(total)]
    if let hasMore { o["has_more"] = .bool(hasMore) }
    return .object(o)
  }

  /// A time query parameter: ISO 8601 (`2024-01-01`, `2024-01-01T00:00:00Z` or with `+00:00`).
  static func time(_ request: APIRequest, _ name: String) throws(VoucherifyError) -> Timestamp? {
    guard let text = request.query[name] else { return nil }
    let zulu = text.hasSuffix("+00:00") ? String(text.dropLast(6)) + "Z" : text
    guard let time = Timestamp(iso8601: zulu) else {
      throw VoucherifyError(
        status: 400, key: "invalid_query_params", message: "Invalid query params",
        details: "`\(name)` must be an ISO 8601 UTC time like 2024-01-01T00:00:00Z, got '\(text)'")
    }
    return time
  }
}
