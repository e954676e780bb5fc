import SendoutCore

/// `sendout events`: the event catalog.
enum EventsCommand: Command {
  static let name = "events"
  static let summary = "List every webhook event type and where it can be configured."
  static let help = """
    USAGE: sendout events [--json]

    Lists the 72 event types of Voucherify's v2024-01-01 webhook spec and the 18 it documents without
    a schema (marked "inferred": rendered by analogy with their documented siblings), with where each
    can be configured: project settings (P), distributions (D) or both.

    OPTIONS:
      --json    An array of {"type", "webhook_key", "configured_in", "purposes", "renderable", "schema",
                "reason"}; "schema" is "official" or "inferred".

    EXAMPLES:
      sendout events
      sendout events --json | jq -r '.[] | select(.configured_in | index("distribution")) | .type'
    """

  static func run(_ arguments: inout Arguments) async throws(CLIError) -> Int32 {
    let json = arguments.flag("--json")
    let rest = try arguments.positionals()
    guard rest.isEmpty else { throw .usage("'events' takes no arguments, got '\(rest[0])'") }
    if json {
      Console.out(JSON.array(EventCatalog.all.map(describe)).prettyString)
      return 0
    }
    let width = EventCatalog.all.map(\.type.count).max() ?? 0
    for descriptor in EventCatalog.all {
      let places = descriptor.configuredIn.map { $0 == .webhook ? "P" : "D" }.joined(separator: "+")
      let note =
        descriptor.notRenderableReason.map { "  (not renderable: \($0))" }
        ?? (descriptor.hasOfficialSchema ? "" : "  inferred")
      Console.out("\(descriptor.type.padding(toLength: width + 2, withPad: " ", startingAt: 0))\(places)\(note)")
    }
    let renderable = EventCatalog.all.filter(\.isRenderable).count
    Console.out(
      "\n\(renderable) renderable event types; P = project settings, D = distribution; inferred = documented by"
        + " Voucherify without a schema, rendered by analogy with its documented siblings.")
    return 0
  }

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
