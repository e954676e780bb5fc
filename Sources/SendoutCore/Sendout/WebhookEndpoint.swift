/// Where and how sendouts for one project webhook or distribution channel are made: the envelope's
/// `source`, the distribution's event name and purpose, the secret and custom headers.
public struct WebhookEndpoint: Sendable, Equatable {
  /// The project the sendouts belong to (`project_id`, `proj_…`).
  public var projectID: String
  /// The envelope `source`: id, kind and target URL.
  public var source: SendoutSource
  /// For distributions, the free-text "Event name" typed in the webhook channel; it becomes `type`.
  public var eventName: String?
  /// For distributions, what the distribution is for (decides the optional objects in `data`).
  public var purpose: DistributionPurpose?
  /// The project's webhook secret; bodies are signed when set.
  public var secret: String?
  /// Custom headers, sent after `content-type` and the signature.
  public var headers: [HTTPHeader]
  /// For distributions, the payload-designer template that replaces `data` (nil: the complete `data`).
  public var template: PayloadTemplate?
  /// For distributions with a template: send the designed payload at the root, with no envelope.
  public var rawPayload: Bool

  /// Creates an endpoint.
  public init(
    projectID: String, source: SendoutSource, eventName: String? = nil, purpose: DistributionPurpose? = nil,
    secret: String? = nil, headers: [HTTPHeader] = [], template: PayloadTemplate? = nil, rawPayload: Bool = false
  ) {
    self.template = template
    self.rawPayload = rawPayload
    self.projectID = projectID
    self.source = source
    self.eventName = eventName
    self.purpose = purpose
    self.secret = secret
    self.headers = headers
  }
}
