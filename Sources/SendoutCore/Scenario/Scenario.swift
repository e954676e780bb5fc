/// A scenario file, version 1: a slice of a Voucherify project (webhooks, distributions, world) and the
/// things that happen in it, with what the run must achieve. Format reference: `Scenarios/README.md`.
public struct Scenario: Sendable {
  /// Versions this build reads.
  public static let supportedVersions = [1]

  /// A human name for reports.
  public var name: String
  /// The seed (overridden by `--seed`).
  public var seed: UInt64
  /// Where the simulated clock starts.
  public var start: Timestamp
  /// Project id, secret and project-settings webhooks.
  public var project: ProjectConfig
  /// Distributions with a webhook channel.
  public var distributions: [DistributionConfig]
  /// The world to build before the steps run (campaigns, customers, segments), as written.
  public var world: JSONObject
  /// The operations to play, in order.
  public var steps: [ScenarioStep]
  /// What the run must achieve.
  public var expect: Expectations
  /// The values its `${NAME}` references took from the environment, hidden from every message about it.
  public var environment = EnvironmentValues()
}

/// Project id, webhook secret and the webhooks configured in Project settings.
public struct ProjectConfig: Sendable, Equatable {
  /// `proj_…`; generated from the seed when absent.
  public var id: String?
  /// The webhook secret; sendouts are signed when set.
  public var secret: String?
  /// Project-settings webhooks.
  public var webhooks: [ProjectWebhookConfig]
}

/// One webhook in Project settings.
public struct ProjectWebhookConfig: Sendable, Equatable {
  /// `wh_…`; generated when absent.
  public var id: String?
  /// Where sendouts go (`--to` overrides it).
  public var targetURL: String?
  /// Subscribed event types; `nil` means "Send me all events".
  public var events: [String]?
  /// Inactive webhooks send nothing.
  public var active: Bool
  /// Custom headers.
  public var headers: [HTTPHeader]
}

/// A distribution whose channel is a webhook.
public struct DistributionConfig: Sendable, Equatable {
  /// The distribution's name (for reports).
  public var name: String
  /// `distr_…`; generated when absent.
  public var id: String?
  /// The distribution event that triggers it, e.g. `customer.segment.entered`.
  public var trigger: String
  /// What it is for; must be one the docs allow for the trigger.
  public var purpose: DistributionPurpose
  /// The free-text event name that becomes `type`.
  public var eventName: String
  /// Where sendouts go (`--to` overrides it).
  public var targetURL: String?
  /// Custom headers.
  public var headers: [HTTPHeader]
  /// The payload-designer template, if any.
  public var template: PayloadTemplate?
  /// Send the designed payload at the root, with no envelope.
  public var rawPayload: Bool
  /// Whether the distribution is live.
  public var active: Bool
}

/// One step: an operation with parameters (which may refer to earlier steps as `${name.field}`), run `count` times.
public struct ScenarioStep: Sendable, Equatable {
  /// The step's name, for references and reports.
  public var name: String?
  /// The operation, e.g. `publish`, `redeem`.
  public var operation: String
  /// The operation's parameters, as written (references resolved at run time).
  public var parameters: JSONObject
  /// How many times to run it.
  public var count: Int
  /// For `repeat`: the nested steps.
  public var steps: [ScenarioStep]
  /// The step's path in the file (`steps.3`), for run-time errors.
  public var path: String
}

/// What a run must achieve; unmet expectations make `sendout run` exit 1.
public struct Expectations: Sendable, Equatable {
  /// Every sendout delivered (default true).
  public var allDelivered: Bool
  /// At most this many sendouts finally failed.
  public var maxFailures: Int?
  /// Each of these event types delivered at least once.
  public var received: [String]
  /// p99 delivery latency under this many milliseconds.
  public var p99Milliseconds: Double?
  /// Every duplicate re-delivery (`run --duplicates`) answered 2xx: the receiver acknowledges what it has seen.
  public var duplicatesAcknowledged: Bool

  /// Creates expectations.
  public init(
    allDelivered: Bool = true, maxFailures: Int? = nil, received: [String] = [], p99Milliseconds: Double? = nil,
    duplicatesAcknowledged: Bool = false
  ) {
    self.allDelivered = allDelivered
    self.maxFailures = maxFailures
    self.received = received
    self.p99Milliseconds = p99Milliseconds
    self.duplicatesAcknowledged = duplicatesAcknowledged
  }
}
