import SendoutCore
import SendoutIO

/// Options shared by the commands that render one event (`render`, `fire`): event, seed, via, purpose,
/// distribution event name, clock start and secret. (Custom headers: `DeliveryOptions.parseHeaders`.)
public struct EventOptions {
  /// The event to render, with every option applied.
  public var request: SingleEventRequest
  /// Whether `--seed` was given (`fire` draws a fresh seed when not).
  public var seedGiven = false
  /// Whether `--at` was given (`fire` starts the clock at the wall clock's now when not).
  public var atGiven = false

  /// Parses the shared options; `eventType` is the positional EVENT.
  public static func parse(_ arguments: inout Arguments, eventType: String, targetURL: String) throws(CLIError)
    -> EventOptions
  {
    var request = SingleEventRequest(eventType: eventType, targetURL: targetURL)
    let seed = try arguments.option("--seed", expected: "a non-negative integer", { UInt64($0) })
    if let seed { request.seed = seed }
    request.via = try arguments.option("--via", expected: "project or distribution", parseVia)
    request.purpose = try arguments.option(
      "--purpose", expected: DistributionPurpose.allCases.map(\.rawValue).joined(separator: ", "),
      { DistributionPurpose(rawValue: $0) })
    request.eventName = try arguments.option("--event-name")
    let start = try parseAt(&arguments)
    if let start { request.start = start }
    request.secret = try arguments.option("--secret")
    return EventOptions(request: request, seedGiven: seed != nil, atGiven: start != nil)
  }

  /// `--at TIME`: an ISO-8601 UTC time, or `now` (the wall clock, read here and passed on).
  public static func parseAt(_ arguments: inout Arguments) throws(CLIError) -> Timestamp? {
    try arguments.option(
      "--at", expected: "'now' or an ISO-8601 UTC time like 2024-03-13T13:45:00.000Z, up to \(Timestamp.latest)"
    ) {
      $0 == "now" ? SystemClock().now() : Timestamp(iso8601: $0)
    }
  }

  /// `--via`: `project` (or its aliases) or `distribution`.
  static func parseVia(_ text: String) -> SendoutSource.Kind? {
    switch text {
    case "project", "project_settings", "webhook": .webhook
    case "distribution": .distribution
    default: nil
    }
  }
}
