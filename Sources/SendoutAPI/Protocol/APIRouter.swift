/// Finds the spec operation a request is for. Templates are matched segment by segment, and a literal segment
/// beats a parameter at the first place they differ, so `/v1/vouchers/import` never means a voucher code and
/// `/v1/loyalties/members/{memberId}` never means a campaign's tiers. Segments are percent-decoded after the path
/// is split, so an encoded `/` stays inside one parameter (the official SDKs encode it).
public struct APIRouter: Sendable {
  /// What a request path and method come to.
  public enum Match: Sendable, Equatable {
    /// The operation, with its path parameters decoded.
    case operation(APIOperation, parameters: [String: String])
    /// The path is an operation's, but not for this method; `allowed` are the methods it takes.
    case methodNotAllowed(allowed: [String])
    /// No operation of the spec has this path.
    case notFound
  }

  // @unchecked: the trie is built in `init` and only read after, so sharing it across threads is safe.
  private final class Node: @unchecked Sendable {
    var literals: [Substring: Node] = [:]
    var parameter: Node?
    var operations: [String: APIOperation] = [:]
  }

  private let root = Node()

  /// A router over `operations` (default: every operation of the spec).
  public init(_ operations: [APIOperation] = APIOperation.spec) {
    for operation in operations {
      var node = root
      for segment in operation.segments {
        if segment.hasPrefix("{") && segment.hasSuffix("}") {
          let next = node.parameter ?? Node()
          node.parameter = next
          node = next
        } else {
          let next = node.literals[segment] ?? Node()
          node.literals[segment] = next
          node = next
        }
      }
      // Two templates that differ only in a parameter's name (the spec has one such pair): the first wins.
      if node.operations[operation.method] == nil { node.operations[operation.method] = operation }
    }
  }

  /// The operation for `method` and `path` (the request target without its query string).
  public func match(method: String, path: String) -> Match {
    var segments: [String] = []
    for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
      guard let text = PercentDecoding.decode(segment) else { return .notFound }
      segments.append(text)
    }
    let method = method.uppercased()
    if let (node, values) = find(root, segments[...], values: [], where: { $0.operations[method] != nil }),
      let operation = node.operations[method]
    {
      let names = operation.segments.filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) }
      return .operation(operation, parameters: Dictionary(zip(names, values), uniquingKeysWith: { first, _ in first }))
    }
    if let (node, _) = find(root, segments[...], values: [], where: { !$0.operations.isEmpty }) {
      return .methodNotAllowed(allowed: node.operations.keys.sorted())
    }
    return .notFound
  }

  /// The first node for `segments` below `node` that satisfies `accept`, with the parameter values bound on the
  /// way; at each segment the literal is tried before the parameter.
  private func find(
    _ node: Node, _ segments: ArraySlice<String>, values: [String], where accept: (Node) -> Bool
  ) -> (Node, [String])? {
    guard let first = segments.first else { return accept(node) ? (node, values) : nil }
    let rest = segments.dropFirst()
    if let literal = node.literals[Substring(first)], let found = find(literal, rest, values: values, where: accept) {
      return found
    }
    if let next = node.parameter, !first.isEmpty { return find(next, rest, values: values + [first], where: accept) }
    return nil
  }
}
