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
/// The table is indexed once, at `init`, as a trie over segments (literals by text, one parameter branch), so a
/// lookup costs the path's length, not the table's.
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

  /// A row whose template ends at a node, with its parameters' names in path order.
  private struct End: Sendable {
    var route: Route
    var names: [String]
  }

  /// A node of the trie: the next segment's literals and parameter branch (indexes into `nodes`), and the rows
  /// whose templates end here (in table order) with their methods beside them, so a lookup compares methods without
  /// copying a row.
  private struct Node: Sendable {
    var literals: [String: Int] = [:]
    var parameter: Int?
    var ends: [End] = []
    var methods: [String] = []
  }

  /// The trie, its root first; built in `init`, never changed after.
  private let nodes: [Node]

  /// A router over `routes` (order picks between templates alike but for parameter names, and orders a 405's methods).
  public init(_ routes: [Route]) {
    var nodes = [Node()]
    for route in routes {
      var at = 0
      var names: [String] = []
      for text in Self.split(route.template) {
        let next: Int
        if text.hasPrefix("{") && text.hasSuffix("}") && text.count > 2 {
          names.append(String(text.dropFirst().dropLast()))
          next = nodes[at].parameter ?? nodes.count
          nodes[at].parameter = next
        } else {
          next = nodes[at].literals[text] ?? nodes.count
          nodes[at].literals[text] = next
        }
        if next == nodes.count { nodes.append(Node()) }
        at = next
      }
      nodes[at].ends.append(End(route: route, names: names))
      nodes[at].methods.append(route.method)
    }
    self.nodes = nodes
  }

  /// The row for `method` and `path` (the target without its query).
  public func route(method: String, path: String) -> Outcome {
    route(method: method, segments: Self.split(path))
  }

  /// The row for `method` and a path already split into segments (as `split` does, or decoded by the caller).
  public func route(method: String, segments: [String]) -> Outcome {
    var values: [String] = []
    if let node = find(0, segments[...], &values, method: method), let k = nodes[node].methods.firstIndex(of: method) {
      let end = nodes[node].ends[k]
      return .found(end.route.row, parameters: Dictionary(zip(end.names, values)) { first, _ in first })
    }
    guard let node = find(0, segments[...], &values, method: nil) else { return .notFound }
    var allowed: [String] = []
    for method in nodes[node].methods where !allowed.contains(method) { allowed.append(method) }
    return .methodNotAllowed(allowed: allowed)
  }

  /// `path`'s segments after its leading `/`, empty ones kept: `/a/b/` is `["a", "b", ""]`. Split on the byte `/`, as
  /// URLs are (comparing grapheme clusters, a combining mark after a `/` hid it).
  public static func split(_ path: String) -> [String] {
    let utf8 = Substring(path).utf8
    let trimmed = utf8.first == UInt8(ascii: "/") ? utf8.dropFirst() : utf8[...]
    return trimmed.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).map { String(Substring($0)) }
  }

  /// The first node below `node` for `segments` where a template ends with `method` (any method: `nil`), by index (a
  /// node is not copied), trying the literal before the parameter at each segment; `values` gets the segments bound
  /// to parameters on the way (and is left as it was when none is found).
  private func find(_ node: Int, _ segments: ArraySlice<String>, _ values: inout [String], method: String?) -> Int? {
    guard let first = segments.first else {
      let methods = nodes[node].methods
      let accepts = method.map { methods.contains($0) } ?? !methods.isEmpty
      return accepts ? node : nil
    }
    let rest = segments.dropFirst()
    if let literal = nodes[node].literals[first], let found = find(literal, rest, &values, method: method) {
      return found
    }
    guard let parameter = nodes[node].parameter else { return nil }
    values.append(first)
    if let found = find(parameter, rest, &values, method: method) { return found }
    values.removeLast()
    return nil
  }
}
