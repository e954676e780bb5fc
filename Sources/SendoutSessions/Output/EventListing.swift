import SendoutCore

/// What `sendout events` prints: the event catalog, one line per type with where it can be configured, or as JSON.
public enum EventListing {
  /// The catalog as text lines, or as one pretty JSON array.
  public static func lines(json: Bool) -> [String] {
    if json { return [JSON.array(EventCatalog.all.map(describe)).prettyString] }
    let width = EventCatalog.all.map(\.type.count).max() ?? 0
    let renderable = EventCatalog.all.filter(\.isRenderable).count
    return EventCatalog.all.map { descriptor in
      let places = descriptor.configuredIn.map { $0 == .webhook ? "P" : "D" }.joined(separator: "+")
      let note =
        descriptor.notRenderableReason.map { "  (not renderable: \($0))" }
        ?? (descriptor.hasOfficialSchema ? "" : "  inferred")
      return "\(descriptor.type.padding(toLength: width + 2, withPad: " ", startingAt: 0))\(places)\(note)"
    } + [
      "\n\(renderable) renderable event types; P = project settings, D = distribution; inferred = documented by"
        + " Voucherify without a schema, rendered by analogy with its documented siblings."
    ]
  }

  /// One event type as JSON: `{"type", "webhook_key", "configured_in", "purposes", "renderable", "schema", "reason"}`.
  static func describe(_ d: EventDescriptor) -> JSON {
    [
      "type": .string(d.type),
      "webhook_key": d.webhookKey.isEmpty ? .null : .string(d.webhookKey),
      "configured_in": .array(d.configuredIn.map { .string($0 == .webhook ? "project_settings" : "distribution") }),
      "purposes": .array(d.purposes.map { .string($0.rawValue) }),
      "renderable": .bool(d.isRenderable),
      "schema": .string(d.schema.rawValue),
      "reason": d.notRenderableReason.map(JSON.string) ?? .null,
    ]
  }
}
