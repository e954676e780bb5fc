import SendoutCore

/// What `sendout serve` tells its user first: where the API is, its keys, and where webhooks go. A secret the user
/// gave (`--secret`, `--app-token`, `--client-token`, a scenario's `project.secret`) is not in it, so it is never
/// shown; a generated one is, to be printed once.
public struct ServeInfo: Sendable, Equatable {
  /// `http://HOST:PORT`, the API's base URL.
  public var url: String
  /// `X-App-Id`.
  public var appID: String
  /// `X-App-Token` when generated; `nil` when given (`--app-token`).
  public var generatedAppToken: String?
  /// The webhook secret when generated; `nil` when given (`--secret`, or the scenario's `project.secret`).
  public var generatedSecret: String?
  /// Where webhooks go.
  public var webhookURL: String
  /// The project webhook's id (`wh_…`).
  public var webhookID: String
  /// The fixed simulated time, if any.
  public var simulatedTime: Timestamp?
  /// The audit log.
  public var auditPath: String
  /// The state file (journal), if any.
  public var statePath: String?
  /// Calls replayed from the state file at start.
  public var restoredCalls: Int
  /// Sendouts of the replayed calls with no final record in the audit log, delivered again.
  public var resumedSendouts: Int
  /// The project id (`/management/v1/projects/{projectId}/webhooks`).
  public var projectID: String
  /// `X-Client-Application-Id` of the client-side endpoints (`/client/v1/…`).
  public var clientAppID = ""
  /// `X-Client-Token` of the client-side endpoints when generated; `nil` when given (`--client-token`).
  public var generatedClientToken: String?
  /// With `--scenario`: one line on the scenario (its name, webhooks, distributions and what its steps sent).
  public var scenario: String? = nil
}
