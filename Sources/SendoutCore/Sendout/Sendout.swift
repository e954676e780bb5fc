/// One webhook sendout, ready for the wire: what Voucherify's Audit log calls a "Webhook sendout".
/// Every retry resends exactly these bytes and headers under the same `id`.
public struct Sendout: Sendable, Equatable {
  /// The sendout id (`whs_…`), also the body's top-level `id` when there is an envelope.
  public var id: String
  /// The underlying event type (`event.type`), e.g. `customer.redemption.succeeded`.
  public var eventType: String
  /// The envelope `type`: the event type for project webhooks, the free-text event name for distributions.
  public var type: String
  /// Which webhook or distribution this sendout belongs to.
  public var source: SendoutSource
  /// The event id (`event.id`).
  public var eventID: String
  /// When the event happened (`event.created_at`).
  public var eventCreatedAt: Timestamp
  /// The request id shown in the Audit log (`event.group_id`, `v-…`).
  public var requestID: String
  /// When the sendout was created (envelope `created_at`).
  public var createdAt: Timestamp
  /// The exact body bytes; the signature is computed over these.
  public var body: [UInt8]
  /// Request headers in sending order: `content-type`, then `x-voucherify-signature` when signed, then custom ones.
  public var headers: [HTTPHeader]

  /// Creates a sendout.
  public init(
    id: String, eventType: String, type: String, source: SendoutSource, eventID: String, eventCreatedAt: Timestamp,
    requestID: String, createdAt: Timestamp, body: [UInt8], headers: [HTTPHeader]
  ) {
    self.id = id
    self.eventType = eventType
    self.type = type
    self.source = source
    self.eventID = eventID
    self.eventCreatedAt = eventCreatedAt
    self.requestID = requestID
    self.createdAt = createdAt
    self.body = body
    self.headers = headers
  }
}

/// The envelope `source`: a project-settings webhook (`wh_…`) or a distribution (`distr_…`).
public struct SendoutSource: Sendable, Equatable, Hashable {
  /// What configured the sendout.
  public typealias Kind = SourceKind

  /// `wh_…` or `distr_…`.
  public var id: String
  /// `webhook` or `distribution`.
  public var object: Kind
  /// Where the sendout is POSTed.
  public var targetURL: String

  /// Creates a source.
  public init(id: String, object: Kind, targetURL: String) {
    self.id = id
    self.object = object
    self.targetURL = targetURL
  }
}

/// One HTTP header field; names are kept as given (Voucherify sends lowercase names).
public struct HTTPHeader: Sendable, Equatable, Hashable {
  /// The field name.
  public var name: String
  /// The field value.
  public var value: String

  /// Creates a header.
  public init(_ name: String, _ value: String) {
    self.name = name
    self.value = value
  }
}
