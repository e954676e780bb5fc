/// One event type of the catalog: where it can be configured and whether Sendout can render it.
public struct EventDescriptor: Sendable, Hashable {
  /// The dotted event type, e.g. `customer.publication.succeeded`.
  public let type: String
  /// The official spec's webhook key, e.g. `EVENTS.CUSTOMER.PUBLICATION.SUCCEEDED`; empty when the spec has none.
  public let webhookKey: String
  /// Where a webhook for it can be configured (project settings, distribution, or both).
  public let configuredIn: [SourceKind]
  /// For distribution events, the purposes the docs allow (empty otherwise).
  public let purposes: [DistributionPurpose]
  /// Why it cannot be rendered yet (documented but without a schema), or `nil` when it can.
  public let notRenderableReason: String?

  /// Creates a descriptor.
  public init(
    type: String, webhookKey: String, configuredIn: [SourceKind], purposes: [DistributionPurpose] = [],
    notRenderableReason: String? = nil
  ) {
    self.type = type
    self.webhookKey = webhookKey
    self.configuredIn = configuredIn
    self.purposes = purposes
    self.notRenderableReason = notRenderableReason
  }

  /// Whether Sendout can render this event.
  public var isRenderable: Bool { notRenderableReason == nil }
}
