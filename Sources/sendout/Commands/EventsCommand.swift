import SendoutSessions

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
    try arguments.noPositionals("events")
    for line in EventListing.lines(json: json) { Console.out(line) }
    return 0
  }
}
