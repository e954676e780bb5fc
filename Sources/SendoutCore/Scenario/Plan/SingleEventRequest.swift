/// Everything `render` and `fire` need to turn one event type into one ready-to-send `Sendout`.
public struct SingleEventRequest: Sendable {
  /// The dotted event type, e.g. `customer.publication.succeeded`.
  public var eventType: String
  /// Project webhook or distribution; `nil` picks the first place the event can be configured in.
  public var via: SendoutSource.Kind?
  /// Fixes every id and value of what the event creates (sendout, event, redemption, order…).
  public var seed: UInt64
  /// Fixes the ids of the project, its webhook and its distribution, which stay the same from event to event
  /// (as on the platform, where pausing a source after exhausted retries applies to the next sendout too).
  public var projectSeed: UInt64 = SingleEventRequest.defaultProjectSeed
  /// Where the simulated clock starts.
  public var start: Timestamp
  /// The target URL recorded in `source.target_url`.
  public var targetURL: String
  /// Signs the body when set.
  public var secret: String?
  /// Custom headers sent after the standard ones.
  public var headers: [HTTPHeader]
  /// For distributions, the free-text event name that becomes `type` (default: the event type with dashes).
  public var eventName: String?
  /// For distributions, the purpose (default: the first the docs allow for the event).
  public var purpose: DistributionPurpose?
  /// `--set`/`--unset` edits applied to the body before it is signed.
  public var edits: [JSONEdit] = []
  /// Let `--set` create keys (and objects on the way) that the body does not have (`--set-new`).
  public var createsMissingKeys = false

  /// Creates a request; the defaults render deterministically (seed 1, clock at 2024-03-13T13:45:00.000Z).
  public init(
    eventType: String, via: SendoutSource.Kind? = nil, seed: UInt64 = 1,
    start: Timestamp = SingleEventRequest.defaultStart, targetURL: String = "http://127.0.0.1:8080/webhooks",
    secret: String? = nil, headers: [HTTPHeader] = [], eventName: String? = nil, purpose: DistributionPurpose? = nil
  ) {
    self.eventName = eventName
    self.purpose = purpose
    self.eventType = eventType
    self.via = via
    self.seed = seed
    self.start = start
    self.targetURL = targetURL
    self.secret = secret
    self.headers = headers
  }

  /// The project every single-event sendout belongs to: seed 1, so `render` with its defaults is unchanged.
  public static let defaultProjectSeed: UInt64 = 1

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
  /// The distribution purpose is not one the docs allow for this event.
  case purposeNotAllowed(String, purpose: DistributionPurpose, allowed: [DistributionPurpose])
  /// A `--set`/`--unset` edit does not fit the body.
  case badEdit(JSONEditError)
  /// A custom body (`fire --body`) is not JSON.
  case invalidBody(JSONParseError)

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
    case .purposeNotAllowed(let t, let purpose, let allowed):
      "Purpose '\(purpose.rawValue)' is not available for distribution event '\(t)'; allowed: "
        + allowed.map(\.rawValue).joined(separator: ", ")
    case .badEdit(let error): error.message
    case .invalidBody(let error): "The body is not JSON: \(error.description)"
    }
  }
}

extension SingleEventRequest {
  /// The sendout for this request: a sample-world event wrapped in the v2024-01-01 envelope, signed.
  /// `--set`/`--unset` edits are applied to the body, which is then written again and signed over its final bytes.
  public func sendout() throws(RenderError) -> Sendout {
    let (event, endpoint) = try prepare()
    var builder = SendoutBuilder(endpoint: endpoint, seed: seed)
    var sendout = builder.make(event)
    guard !edits.isEmpty else { return sendout }
    sendout.body = try edited(sendout.body)
    sendout.headers = builder.headers(for: sendout.body)
    return sendout
  }

  /// This request with its clock start moved so that its event happens at `time` (the sample world is set up
  /// before it): `fire` without `--at` sends an event that happened now, not minutes ahead.
  public func happening(at time: Timestamp) throws(RenderError) -> SingleEventRequest {
    let (event, _) = try prepare()
    var moved = self
    moved.start = time.adding(milliseconds: start.milliseconds - event.createdAt.milliseconds)
    return moved
  }

  /// The world event and the endpoint it is sent through, after checking the event, `via` and purpose.
  public func prepare() throws(RenderError) -> (WorldEvent, WebhookEndpoint) {
    guard let descriptor = EventCatalog.descriptor(for: eventType) else {
      throw .unknownEventType(eventType, suggestions: Suggest.closest(to: eventType, in: EventCatalog.all.map(\.type)))
    }
    if let reason = descriptor.notRenderableReason { throw .notRenderable(eventType, reason: reason) }
    let kind = via ?? descriptor.configuredIn[0]
    guard descriptor.configuredIn.contains(kind) else {
      throw .notConfigurable(eventType, via: kind, allowed: descriptor.configuredIn)
    }
    var chosenPurpose: DistributionPurpose? = nil
    if kind == .distribution {
      chosenPurpose = purpose ?? descriptor.purposes.first ?? .plainMessage
      if let purpose, !descriptor.purposes.contains(purpose) {
        throw .purposeNotAllowed(eventType, purpose: purpose, allowed: descriptor.purposes)
      }
    }
    let event: WorldEvent
    do { event = try SampleWorld.event(type: eventType, seed: seed, start: start) } catch {
      switch error {
      case .unknownEventType(let t): throw .unknownEventType(t, suggestions: [])
      case .notRenderable(let t, let reason): throw .notRenderable(t, reason: reason)
      }
    }
    return (event, endpoint(kind: kind, purpose: chosenPurpose))
  }

  /// The project webhook or distribution of the fixed project (`projectSeed`) that sends this request.
  func endpoint(kind: SendoutSource.Kind, purpose: DistributionPurpose?) -> WebhookEndpoint {
    var ids = IDFactory(seed: projectSeed ^ 0xE4D_B0_1A7)
    let project = ids.make(.project, at: start)
    let sourceID = ids.make(kind == .webhook ? .webhook : .distribution, at: start)
    return WebhookEndpoint(
      projectID: project, source: SendoutSource(id: sourceID, object: kind, targetURL: targetURL),
      eventName: kind == .distribution ? (eventName ?? SingleEventRequest.defaultEventName(for: eventType)) : nil,
      purpose: purpose, secret: secret, headers: headers)
  }

  /// `customer.publication.succeeded` → `customer-publication-succeeded`, a distribution event name
  /// in the style of the docs' `Voucher-redeemed`.
  public static func defaultEventName(for type: String) -> String {
    String(type.map { $0 == "." || $0 == "_" ? "-" : $0 })
  }
}
