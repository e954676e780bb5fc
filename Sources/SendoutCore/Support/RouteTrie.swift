/// The index behind `HTTPRouter`: its templates as a trie over segments (literals by text, one parameter branch),
/// with the rows ending at each node by number. Not generic, so a lookup runs as compiled here whatever the router's
/// row type (a generic router's lookup ran unspecialized from other modules, copying nodes through value witnesses).
struct RouteTrie: Sendable {
  /// What `find` came to.
  enum Outcome: Sendable {
    /// The row's number, and the path's segments bound to its template's parameters.
    case found(row: Int, parameters: [String: String])
    /// No template matches the path.
    case notFound
    /// Templates match the path under other methods only: the winning template's (in table order).
    case methodNotAllowed(allowed: [String])
  }

  /// A row whose template ends at a node: its number and its parameters' names in path order.
  private struct End: Sendable {
    var row: Int
    var names: [String]
  }

  /// A node: the next segment's literals and parameter branch (indexes into `nodes`), and the rows whose templates
  /// end here (in table order) with their methods beside them.
  private struct Node: Sendable {
    var literals: [String: Int] = [:]
    var parameter: Int?
    var ends: [End] = []
    var methods: [String] = []
  }

  /// The nodes, the root first.
  private var nodes = [Node()]

  /// Adds row number `row` for `method` and `template` (rows are added in table order).
  mutating func insert(method: String, template: String, row: Int) {
    var at = 0
    var names: [String] = []
    for text in Self.split(template) {
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
    nodes[at].ends.append(End(row: row, names: names))
    nodes[at].methods.append(method)
  }

  /// The row for `method` and a path split into segments.
  func find(method: String, segments: [String]) -> Outcome {
    var values: [String] = []
    if let node = find(0, segments[...], &values, method: method), let k = nodes[node].methods.firstIndex(of: method) {
      let end = nodes[node].ends[k]
      return .found(row: end.row, parameters: Dictionary(zip(end.names, values)) { first, _ in first })
    }
    guard let node = find(0, segments[...], &values, method: nil) else { return .notFound }
    var allowed: [String] = []
    for method in nodes[node].methods where !allowed.contains(method) { allowed.append(method) }
    return .methodNotAllowed(allowed: allowed)
  }

  /// `path`'s segments after its leading `/`, empty ones kept: `/a/b/` is `["a", "b", ""]`. Split on the byte `/`, as
  /// URLs are (comparing grapheme clusters, a combining mark after a `/` hid it).
  static func split(_ path: String) -> [String] {
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
