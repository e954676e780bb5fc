import SendoutCore

/// Options shared by the commands that render one event (`render`, `fire`): event, seed, via, purpose,
/// distribution event name, clock start and secret. (Custom headers: `DeliveryOptions.parseHeaders`.)
struct EventOptions {
  var request: SingleEventRequest

  /// Parses the shared options; `eventType` is the positional EVENT.
  static func parse(_ arguments: inout Arguments, eventType: String, targetURL: String) throws(CLIError) -> EventOptions
  {
    var request = SingleEventRequest(eventType: eventType, targetURL: targetURL)
    if let seed = try arguments.option("--seed", expected: "a non-negative integer", { UInt64($0) }) {
      request.seed = seed
    }
    request.via = try arguments.option("--via", expected: "project or distribution", parseVia)
    request.purpose = try arguments.option(
      "--purpose", expected: DistributionPurpose.allCases.map(\.rawValue).joined(separator: ", "),
      { DistributionPurpose(rawValue: $0) })
    request.eventName = try arguments.option("--event-name")
    if let start = try arguments.option(
      "--at", expected: "an ISO-8601 UTC time like 2024-03-13T13:45:00.000Z",
      {
        Timestamp(iso8601: $0)
      })
    {
      request.start = start
    }
    request.secret = try arguments.option("--secret")
    return EventOptions(request: request)
  }

  static func parseVia(_ text: String) -> SendoutSource.Kind? {
    switch text {
    case "project", "project_settings", "webhook": .webhook
    case "distribution": .distribution
    default: nil
    }
  }
}
