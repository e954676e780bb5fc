/// The request source of a load test: a pool of world events (several types and seeds, one project)
/// from which every request is rendered and signed anew, so each one is a distinct sendout with its own
/// `whs_` id and signature, never a replayed body.
public struct EventPool: Sendable {
  /// The events, and beside them (a separate array, so that a builder changes in place while its event is read
  /// where it is, neither copied) the builder of each.
  private let events: [WorldEvent]
  private var builders: [SendoutBuilder]
  private var next = 0

  /// A pool over prepared events, each with its own builder (see `init(scenario:…)`).
  init(entries: [(event: WorldEvent, builder: SendoutBuilder)]) {
    precondition(!entries.isEmpty)
    events = entries.map(\.event)
    builders = entries.map(\.builder)
  }

  /// A pool of `size` events cycling through `eventTypes`, sent through `via` with `secret` to `targetURL`.
  /// `stream` separates the pools of parallel generators (different sendout ids).
  public init(
    eventTypes: [String], via: SendoutSource.Kind?, secret: String?, targetURL: String, seed: UInt64, size: Int = 64,
    stream: UInt64 = 0
  ) throws(RenderError) {
    precondition(!eventTypes.isEmpty && size > 0)
    var entries: [(event: WorldEvent, builder: SendoutBuilder)] = []
    var project: WebhookEndpoint?
    for k in 0..<max(size, eventTypes.count) {
      let request = SingleEventRequest(
        eventType: eventTypes[k % eventTypes.count], via: via, seed: seed &+ UInt64(k), targetURL: targetURL,
        secret: secret)
      var (event, endpoint) = try request.prepare()
      if let first = project {  // one project and one webhook/distribution id for the whole run
        endpoint.projectID = first.projectID
        if endpoint.source.object == first.source.object { endpoint.source.id = first.source.id }
      } else {
        project = endpoint
      }
      entries.append((event, SendoutBuilder(endpoint: endpoint, seed: seed &+ UInt64(k) &+ (stream << 32))))
    }
    self.init(entries: entries)
  }

  /// How many distinct events the pool cycles through.
  public var count: Int { events.count }

  /// The next request: a fresh sendout of the next event in the pool.
  public mutating func nextSendout() -> Sendout {
    let i = advance()
    return builders[i].make(events[i])
  }

  /// The next request lent, not made: what `nextSendout` would return, as `SendoutBuilder.withNext` lends it.
  public mutating func withNext<R>(_ use: (SendoutBuilder.Lent) -> R) -> R {
    let i = advance()
    return builders[i].withNext(events[i], use)
  }

  private mutating func advance() -> Int {
    let i = next
    next = next + 1 == events.count ? 0 : next + 1
    return i
  }
}
