/// The values a scenario's `${NAME}` references took from the environment, kept so that no message shows them: an
/// error quoting a field shows the `${NAME}` reference instead, so a secret passed as `${TOKEN}` stays in the
/// environment. Values under three characters are left alone: they are no secret, and hiding them would garble the
/// numbers of a message.
public struct EnvironmentValues: Sendable, Equatable {
  /// Name → value, of the references that took their value from the environment (not from a `:-default`).
  public private(set) var values: [String: String] = [:]

  /// The `${NAME}` reference a field (`project.secret`) was written as, and whether the environment gave its value.
  public struct Reference: Sendable, Equatable {
    /// The variable's name.
    public var name: String
    /// `true` when the environment had it; `false` when the `:-default` was taken.
    public var fromEnvironment: Bool
  }

  /// Field path → the reference its whole value was, for fields written as one `${NAME}` or `${NAME:-default}`.
  public private(set) var references: [String: Reference] = [:]

  /// None yet.
  public init() {}

  /// Notes that `${name}` took `value` from the environment.
  mutating func record(_ name: String, _ value: String) { values[name] = value }

  /// Notes that the field at `path` was `${name}` (or `${name:-default}`), its value from the environment or not.
  mutating func record(path: String, name: String, fromEnvironment: Bool) {
    references[path] = Reference(name: name, fromEnvironment: fromEnvironment)
  }

  /// The reference the field at `path` was written as, if it was one `${NAME}`.
  public func reference(at path: String) -> Reference? { references[path] }

  /// `message` with every recorded value (as written, and as `TerminalText` escapes it) shown as its `${NAME}`
  /// reference, longest values first.
  public func hiding(in message: String) -> String {
    var out = message
    for (name, value) in values.sorted(by: { $0.value.count > $1.value.count }) where value.count >= 3 {
      let escaped = TerminalText.escape(value)
      if escaped != value { out = out.replacing(escaped, with: "${\(name)}") }
      out = out.replacing(value, with: "${\(name)}")
    }
    return out
  }

  /// `error` with its reason hidden as `hiding(in:)` does.
  public func hiding(_ error: ScenarioError) -> ScenarioError {
    var hidden = error
    hidden.reason = hiding(in: error.reason)
    return hidden
  }
}
