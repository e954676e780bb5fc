import SendoutCore

/// The secret a session signs with and where it came from, shown by its source and first characters only.
public struct SigningSecret: Sendable, Equatable {
  /// Where a signing secret came from.
  public enum Source: Sendable, Equatable {
    /// `--secret`.
    case flag
    /// The environment variable `name` (`SENDOUT_SECRET` for `fire`, a scenario's `${NAME}`).
    case environment(String)
    /// The default of the scenario's `${NAME:-default}`, `name` not being set.
    case scenarioDefault(String)
    /// The scenario file's `project.secret`, written as it is.
    case scenarioFile
    /// Generated: at random for `fire`'s built-in listener, from the seed for a scenario without `project.secret`.
    case generated
  }

  /// The secret itself (never printed whole).
  public var value: String
  /// Where it came from.
  public var source: Source

  /// A secret from `source`.
  public init(_ value: String, source: Source) {
    self.value = value
    self.source = source
  }

  /// The first four characters, or fewer for a short secret (at most half of it): enough to tell two secrets
  /// apart, never the secret.
  public var preview: String { String(value.prefix(min(4, value.count / 2))) }

  /// Where `scenario`'s secret comes from: a `${NAME}` in `project.secret` taken from the environment or its
  /// `:-default`, the file as written, or generated from the seed.
  public static func of(_ scenario: Scenario, seed: UInt64?) -> SigningSecret {
    let value = scenario.webhookSecret(seed: seed)
    guard scenario.project.secret != nil else { return SigningSecret(value, source: .generated) }
    switch scenario.environment.reference(at: "project.secret") {
    case .some(let reference) where reference.fromEnvironment:
      return SigningSecret(value, source: .environment(reference.name))
    case .some(let reference): return SigningSecret(value, source: .scenarioDefault(reference.name))
    case .none: return SigningSecret(value, source: .scenarioFile)
    }
  }
}
