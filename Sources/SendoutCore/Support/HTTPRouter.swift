/// A route table: each row is a method, a path template and a value (what to run); a request's method and path
/// find the row, its `{name}` segments bound to the path's. Pure, no I/O: a new endpoint is a new row. It serves the
/// mock API's spec table, serve's `/_sendout/*` endpoints, the dashboard's API and the arrivals feed.
///
/// A template is a path like `/_sendout/api/sendouts/{id}/retry`: split on `/` after its leading one, each segment
/// a literal or a `{parameter}` that matches any one segment (even an empty one). Where several templates match a
/// path, the one with a literal at the first place they differ wins (`…/sendouts/changes` before `…/sendouts/{id}`),
/// and among templates alike but for their parameters' names, the first row. A path no template matches is
/// `.notFound`; one whose templates take other methods only is `.methodNotAllowed`, listing the methods of the
/// template that wins for the path (in table order).
///
/// The table is indexed once, at `init`, as a trie over segments (`RouteTrie`: literals by text, one parameter
/// branch), so a lookup costs the path's length, not the table's.
public struct HTTPRouter<Row: Sendable>: Sendable {
  /// One row of the table.
  public struct Route: Sendable {
    /// The method (`GET`, `POST`…), compared exactly.
    public var method: String
    /// The path template, e.g. `/v1/vouchers/{code}`.
    public var template: String
    /// What the row stands for.
    public var row: Row

    /// A row.
    public init(_ method: String, _ template: String, _ row: Row) {
      self.method = method
      self.template = template
      self.row = row
    }
  }

  /// What `route` found.
  public enum Outcome: Sendable {
    /// The row for the method and path, and the path's segments bound to the template's parameters.
    case found(Row, parameters: [String: String])
    /// No template matches the path.
    case notFound
    /// Templates match the path, under other methods only: those of the winning template (in table order).
    case methodNotAllowed(allowed: [String])
  }

  /// The rows, in table order; `trie` finds them by number.
  private let rows: [Row]
  /// The templates' index.
  private let trie: RouteTrie

  /// A router over `routes` (order picks between templates alike but for parameter names, and orders a 405's methods).
  public init(_ routes: [Route]) {
    var trie = RouteTrie()
    for (row, route) in routes.enumerated() { trie.insert(method: route.method, template: route.template, row: row) }
    self.rows = routes.map(\.row)
    self.trie = trie
  }

  /// The row for `method` and `path` (the target without its query).
  public func route(method: String, path: String) -> Outcome {
    route(method: method, segments: Self.split(path))
  }

  /// The row for `method` and a path already split into segments (as `split` does, or decoded by the caller).
  public func route(method: String, segments: [String]) -> Outcome {
    switch trie.find(method: method, segments: segments) {
    case .found(let row, let parameters): return .found(rows[row], parameters: parameters)
    case .methodNotAllowed(let allowed): return .methodNotAllowed(allowed: allowed)
    case .notFound: return .notFound
    }
  }

  /// `path`'s segments after its leading `/`, empty ones kept: `/a/b/` is `["a", "b", ""]`. Split on the byte `/`, as
  /// URLs are (comparing grapheme clusters, a combining mark after a `/` hid it).
  public static func split(_ path: String) -> [String] { RouteTrie.split(path) }
}
