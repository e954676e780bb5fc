import SendoutCore

/// The project's webhooks as the Management API configures them at run time: each with its target, the event
/// types it is subscribed to (names as the client sent them, including the Management API enum's misspellings such
/// as `voucher.gift.balance_aded`, which subscribe to the real event), whether it is active, and the builder that
/// signs its sendouts with the project secret.
package struct ProjectWebhooks: Sendable {
  /// One configured webhook.
  package struct Webhook: Sendable {
    package var id: String
    package var targetURL: String
    /// The event types as sent; `nil`: "Send me all events".
    package var events: [String]?
    package var active: Bool
    package var createdAt: Timestamp
    package var builder: SendoutBuilder
    /// Custom headers (from a scenario).
    package var headers: [HTTPHeader] = []
    /// The seed of a scenario webhook's builder; `nil`: made from the project's seed.
    package var builderSeed: UInt64?

    /// Whether an event of `type` goes to this webhook.
    package func accepts(_ type: String) -> Bool {
      active && (events.map { $0.contains { ProjectWebhooks.realName($0) == type } } ?? true)
    }

    /// `ManagementProjectsWebhook`.
    package var json: JSON {
      [
        "id": .string(id), "object": "webhook", "created_at": .string(createdAt.iso8601),
        "target_url": .string(TargetURL.withoutPassword(targetURL)),
        "events": .array((events ?? Self.allProjectEvents).map(JSON.string)), "active": .bool(active),
      ]
    }

    /// Every event type a project webhook can be sent, for "Send me all events", as the spec's events enum names
    /// them (its misspellings included): an official SDK parses a webhook's `events` against that enum and fails on
    /// a name it lacks, so the types the enum has no name for (they are still sent) are not listed.
    package static let allProjectEvents: [String] = {
      let sent = Set(EventCatalog.all.filter { $0.configuredIn.contains(.webhook) }.map(\.type))
      return specEventNames.filter { sent.contains(ProjectWebhooks.realName($0)) }
    }()

    /// The spec's enum of a webhook's `events` (`ManagementProjectsWebhookBase`), in its order.
    package static let specEventNames: [String] = {
      guard case .object(let fields, _)? = APIRequestShape.spec.schemas["ManagementProjectsWebhookBase"] else {
        return []
      }
      var shape = fields["events"]
      while case .nullable(let inner)? = shape { shape = inner }
      guard case .array(var element)? = shape else { return [] }
      while case .nullable(let inner) = element { element = inner }
      guard case .string(let allowed) = element else { return [] }
      return allowed
    }()
  }

  /// The project id every sendout carries.
  package let projectID: String
  /// The secret every sendout is signed with.
  package let secret: String
  private let seed: UInt64
  private var ids: IDFactory
  package private(set) var all: [Webhook] = []
  /// A scenario's active distributions: each takes the events its trigger names.
  package var distributions: [ScenarioSetup.Distribution] = []

  /// A project whose first webhook, set to "Send me all events", is `first`.
  package init(projectID: String, secret: String, seed: UInt64, first: SendoutSource, at: Timestamp) {
    self.projectID = projectID
    self.secret = secret
    self.seed = seed
    ids = IDFactory(seed: seed ^ 0x3E_B400)
    all = [
      Webhook(
        id: first.id, targetURL: first.targetURL, events: nil, active: true, createdAt: at,
        builder: builder(first))
    ]
  }

  /// A scenario's project (`sendout serve --scenario`): its webhooks, inactive ones too, and its distributions,
  /// with the builders a scenario run signs with.
  package init(_ setup: ScenarioSetup, seed: UInt64, at: Timestamp) {
    projectID = setup.projectID
    secret = setup.secret
    self.seed = seed
    ids = IDFactory(seed: seed ^ 0x3E_B400)
    distributions = setup.distributions
    for wh in setup.webhooks {
      let source = SendoutSource(id: wh.id, object: .webhook, targetURL: wh.targetURL)
      all.append(
        Webhook(
          id: wh.id, targetURL: wh.targetURL, events: wh.events, active: wh.active, createdAt: at,
          builder: builder(source, headers: wh.headers, seed: wh.builderSeed), headers: wh.headers,
          builderSeed: wh.builderSeed))
    }
  }

  /// The misspelled names in the Management API's events enum, to the event types they mean.
  package static func realName(_ name: String) -> String {
    name.hasSuffix("_aded") ? String(name.dropLast(5)) + "_added" : name
  }

  /// A new webhook.
  package mutating func create(targetURL: String, events: [String], active: Bool, at: Timestamp) -> Webhook {
    let source = SendoutSource(id: ids.make(.webhook, at: at), object: .webhook, targetURL: targetURL)
    let webhook = Webhook(
      id: source.id, targetURL: targetURL, events: events, active: active, createdAt: at, builder: builder(source))
    all.append(webhook)
    return webhook
  }

  /// Replaces the settings of webhook `id`; `nil` when there is none.
  package mutating func update(_ id: String, targetURL: String?, events: [String]?, active: Bool?) -> Webhook? {
    guard let i = all.firstIndex(where: { $0.id == id }) else { return nil }
    if let targetURL, targetURL != all[i].targetURL {
      all[i].targetURL = targetURL
      all[i].builder = builder(
        SendoutSource(id: id, object: .webhook, targetURL: targetURL), headers: all[i].headers, seed: all[i].builderSeed
      )
    }
    if let events { all[i].events = events }
    if let active { all[i].active = active }
    return all[i]
  }

  /// Removes webhook `id`; whether there was one.
  package mutating func delete(_ id: String) -> Bool {
    guard let i = all.firstIndex(where: { $0.id == id }) else { return false }
    all.remove(at: i)
    return true
  }

  /// The signed sendouts `event` makes: one per active webhook subscribed to it (with a scenario, when its type can
  /// go to project webhooks), then one per distribution it triggers.
  package mutating func sendouts(for event: WorldEvent) -> [Sendout] {
    var out: [Sendout] = []
    // As on the platform: project webhooks ("Send me all events" included) get only the events they can be
    // configured for; distribution events (customer.order.*, customer.segment.*…) go to distributions only.
    if ScenarioSetup.reachesWebhooks(event.type) {
      for i in all.indices where all[i].accepts(event.type) { out.append(all[i].builder.make(event)) }
    }
    for i in distributions.indices where distributions[i].trigger == event.type {
      out.append(distributions[i].builder.make(event))
    }
    return out
  }

  package func builder(_ source: SendoutSource, headers: [HTTPHeader] = [], seed builderSeed: UInt64? = nil)
    -> SendoutBuilder
  {
    SendoutBuilder(
      endpoint: WebhookEndpoint(projectID: projectID, source: source, secret: secret, headers: headers),
      seed: builderSeed ?? seed &+ UInt64(all.count) &* 0x1000_0001)
  }
}
