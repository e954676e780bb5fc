/// The problems `ScenarioLoader` found so far: when `collecting` (`sendout validate`), a part that fails is noted and
/// the file is read on from the next part; otherwise the first problem is thrown, as `run` needs.
struct ScenarioIssues {
  /// Whether to note problems and go on.
  var collecting: Bool
  /// The problems noted, in file order.
  var found: [ScenarioError] = []

  /// `body`'s value; when it throws and problems are collected, the problem is noted and `fallback` stands in.
  mutating func attempt<T>(_ fallback: T, _ body: (inout ScenarioIssues) throws(ScenarioError) -> T)
    throws(ScenarioError) -> T
  {
    do { return try body(&self) } catch {
      guard collecting else { throw error }
      found.append(error)
      return fallback
    }
  }
}
