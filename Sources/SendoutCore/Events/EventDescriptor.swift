/// One event type of the catalog: where it can be configured, whether Sendout can render it, and whether its
/// `data` follows an official schema or is inferred from documented siblings.
public struct EventDescriptor: Sendable, Hashable {
  /// Where the shape of an event's `data` comes from.
  public enum Schema: String, Sendable, Hashable {
    /// The official spec has a schema (and an example) for it.
    case official
    /// Voucherify documents the event but publishes no schema; Sendout renders it by analogy with its siblings.
    case inferred
  }

  /// The dotted event type, e.g. `customer.publication.succeeded`.
  public let type: String
  /// The official spec's webhook key, e.g. `EVENTS.CUSTOMER.PUBLICATION.SUCCEEDED`; empty when the spec has none.
  public let webhookKey: String
  /// Where a webhook for it can be configured (project settings, distribution, or both).
  public let configuredIn: [SourceKind]
  /// For distribution events, the purposes the docs allow (empty otherwise).
  public let purposes: [DistributionPurpose]
  /// Why it cannot be rendered, or `nil` when it can.
  public let notRenderableReason: String?
  /// Official or inferred `data` shape.
  public let schema: Schema

  /// Creates a descriptor.
  public init(
    type: String, webhookKey: String, configuredIn: [SourceKind], purposes: [DistributionPurpose] = [],
    notRenderableReason: String? = nil, schema: Schema = .official
  ) {
    self.type = type
    self.webhookKey = webhookKey
    self.configuredIn = configuredIn
    self.purposes = purposes
    self.notRenderableReason = notRenderableReason
    self.schema = schema
  }

  /// Whether the official spec has a schema for it (false for the inferred ones).
  public var hasOfficialSchema: Bool { schema == .official }

  /// Whether Sendout can render this event.
  public var isRenderable: Bool { notRenderableReason == nil }
}
