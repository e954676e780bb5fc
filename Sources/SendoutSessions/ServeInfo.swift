import SendoutCore

/// What `sendout serve` tells its user first: where the API is, its keys, and where webhooks go.
public struct ServeInfo: Sendable, Equatable {
  /// `http://HOST:PORT`, the API's base URL.
  public var url: String
  /// `X-App-Id`.
  public var appID: String
  /// `X-App-Token`.
  public var appToken: String
  /// The webhook secret.
  public var secret: String
  /// Whether the secret was generated (no `--secret`).
  public var secretGenerated: Bool
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
  /// `X-Client-Token` of the client-side endpoints.
  public var clientToken = ""
  /// With `--scenario`: one line on the scenario (its name, webhooks, distributions and what its steps sent).
  public var scenario: String? = nil
}
