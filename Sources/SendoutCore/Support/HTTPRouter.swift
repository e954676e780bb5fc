/// A route table: each row is a method, a path template and a value (what to run); a request's method and path
/// find the row, its `{name}` segments bound to the path's. Pure, no I/O: a new endpoint is a new row.
///
/// A template is a path like `/_sendout/api/sendouts/{id}/retry`: split on `/` after its leading one, each segment
/// a literal or a `{parameter}` that matches any one segment (even an empty one). Where several templates match a
/// path, the one with a literal at the first place they differ wins (`…/sendouts/changes` before `…/sendouts/{id}`).
/// A path no template matches is `.notFound`; one matched only under other methods is `.methodNotAllowed`, with
/// those methods in table order.
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
    /// Templates match the path, under these methods only (in table order).
    case methodNotAllowed(allowed: [String])
  }

  private enum Segment: Sendable, Equatable {
    case literal(String)
    case parameter(String)
  }

  private struct Compiled: Sendable {
    var route: Route
    var segments: [Segment]
  }

  /// The rows by segment count.
  private let rowsByLength: [Int: [Compiled]]

  /// A router over `routes` (order matters only for the methods a 405 lists).
  public init(_ routes: [Route]) {
    var byLength: [Int: [Compiled]] = [:]
    for route in routes {
      let segments = Self.split(route.template).map { text -> Segment in
        text.hasPrefix("{") && text.hasSuffix("}") && text.count > 2
          ? .parameter(String(text.dropFirst().dropLast())) : .literal(text)
      }
      byLength[segments.count, default: []].append(Compiled(route: route, segments: segments))
    }
    rowsByLength = byLength
  }

  /// The row for `method` and `path` (the target without its query).
  public func route(method: String, path: String) -> Outcome {
    route(method: method, segments: Self.split(path))
  }

  /// The row for `method` and a path already split into segments (as `split` does, or decoded by the caller).
  public func route(method: String, segments: [String]) -> Outcome {
    var best: Compiled?
    var allowed: [String] = []
    for candidate in rowsByLength[segments.count] ?? [] where Self.matches(candidate.segments, segments) {
      guard candidate.route.method == method else {
        if !allowed.contains(candidate.route.method) { allowed.append(candidate.route.method) }
        continue
      }
      if let current = best, !Self.moreSpecific(candidate.segments, than: current.segments) { continue }
      best = candidate
    }
    guard let best else { return allowed.isEmpty ? .notFound : .methodNotAllowed(allowed: allowed) }
    var parameters: [String: String] = [:]
    for (segment, text) in zip(best.segments, segments) {
      if case .parameter(let name) = segment { parameters[name] = text }
    }
    return .found(best.route.row, parameters: parameters)
  }

  /// `path`'s segments after its leading `/`, empty ones kept: `/a/b/` is `["a", "b", ""]`.
  public static func split(_ path: String) -> [String] {
    let trimmed = path.hasPrefix("/") ? path.dropFirst() : Substring(path)
    return trimmed.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
  }

  private static func matches(_ template: [Segment], _ segments: [String]) -> Bool {
    for (segment, text) in zip(template, segments) {
      if case .literal(let literal) = segment, literal != text { return false }
    }
    return true
  }

  /// Whether `a` has a literal where `b` first has a parameter and the two differ.
  private static func moreSpecific(_ a: [Segment], than b: [Segment]) -> Bool {
    for (x, y) in zip(a, b) {
      switch (x, y) {
      case (.literal, .parameter): return true
      case (.parameter, .literal): return false
      default: continue
      }
    }
    return false
  }
}
