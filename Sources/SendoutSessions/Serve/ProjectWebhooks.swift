import SendoutCore

/// The project's webhooks as the Management API configures them at run time: each with its target, the event
/// types it is subscribed to (names as the client sent them, including the Management API enum's misspellings such
/// as `voucher.gift.balance_aded`, which subscribe to the real event), whether it is active, and the builder that
/// signs its sendouts with the project secret.
struct ProjectWebhooks: Sendable {
  /// One configured webhook.
  struct Webhook: Sendable {
    var id: String
    var targetURL: String
    /// The event types as sent; `nil`: "Send me all events".
    var events: [String]?
    var active: Bool
    var createdAt: Timestamp
    var builder: SendoutBuilder

    /// Whether an event of `type` goes to this webhook.
    func accepts(_ type: String) -> Bool {
      active && (events.map { $0.contains { ProjectWebhooks.realName($0) == type } } ?? true)
    }

    /// `ManagementProjectsWebhook`.
    var json: JSON {
      [
        "id": .string(id), "object": "webhook", "created_at": .string(createdAt.iso8601),
        "target_url": .string(TargetURL.withoutPassword(targetURL)),
        "events": .array((events ?? Self.allProjectEvents).map(JSON.string)), "active": .bool(active),
      ]
    }

    /// Every event type a project webhook can be sent, for "Send me all events".
    static let allProjectEvents = EventCatalog.all.filter { $0.configuredIn.contains(.webhook) }.map(\.type)
  }

  /// The project id every sendout carries.
  let projectID: String
  /// The secret every sendout is signed with.
  let secret: String
  private let seed: UInt64
  private var ids: IDFactory
  private(set) var all: [Webhook] = []

  /// A project whose first webhook, set to "Send me all events", is `first`.
  init(projectID: String, secret: String, seed: UInt64, first: SendoutSource, at: Timestamp) {
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

  /// The misspelled names in the Management API's events enum, to the event types they mean.
  static func realName(_ name: String) -> String {
    name.hasSuffix("_aded") ? String(name.dropLast(5)) + "_added" : name
  }

  /// A new webhook.
  mutating func create(targetURL: String, events: [String], active: Bool, at: Timestamp) -> Webhook {
    let source = SendoutSource(id: ids.make(.webhook, at: at), object: .webhook, targetURL: targetURL)
    let webhook = Webhook(
      id: source.id, targetURL: targetURL, events: events, active: active, createdAt: at, builder: builder(source))
    all.append(webhook)
    return webhook
  }

  /// Replaces the settings of webhook `id`; `nil` when there is none.
  mutating func update(_ id: String, targetURL: String?, events: [String]?, active: Bool?) -> Webhook? {
    guard let i = all.firstIndex(where: { $0.id == id }) else { return nil }
    if let targetURL, targetURL != all[i].targetURL {
      all[i].targetURL = targetURL
      all[i].builder = builder(SendoutSource(id: id, object: .webhook, targetURL: targetURL))
    }
    if let events { all[i].events = events }
    if let active { all[i].active = active }
    return all[i]
  }

  /// Removes webhook `id`; whether there was one.
  mutating func delete(_ id: String) -> Bool {
    guard let i = all.firstIndex(where: { $0.id == id }) else { return false }
    all.remove(at: i)
    return true
  }

  /// The signed sendouts `event` makes, one per active webhook subscribed to it.
  mutating func sendouts(for event: WorldEvent) -> [Sendout] {
    var out: [Sendout] = []
    for i in all.indices where all[i].accepts(event.type) { out.append(all[i].builder.make(event)) }
    return out
  }

  private func builder(_ source: SendoutSource) -> SendoutBuilder {
    SendoutBuilder(
      endpoint: WebhookEndpoint(projectID: projectID, source: source, secret: secret),
      seed: seed &+ UInt64(all.count) &* 0x1000_0001)
  }
}
