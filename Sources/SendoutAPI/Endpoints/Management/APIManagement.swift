import SendoutCore

/// The Management API's project webhooks (`/management/v1/projects/{projectId}/webhooks`): create, list, get,
/// update and delete the webhooks every event of the world is routed to, at run time as on the real platform.
package enum APIManagement {
  /// A management endpoint: the request, the project's webhooks, the clock and why a target is refused (the
  /// server's own address: every delivery would call it again), `nil` when it is not.
  package typealias Handler =
    @Sendable (APIRequest, inout ProjectWebhooks, Timestamp, TargetRefusal) throws(VoucherifyError)
    -> APIAnswer
  /// Why a webhook to a URL is refused, `nil` when it is not.
  package typealias TargetRefusal = (String) -> String?

  /// Every simulated management operation.
  package static let all: [String: Handler] = [
    "create-webhook": create, "list-webhooks": list, "get-webhook": get, "update-webhook": update,
    "delete-webhook": delete,
  ]

  static func create(
    _ request: APIRequest, _ webhooks: inout ProjectWebhooks, _ now: Timestamp, _ served: TargetRefusal
  ) throws(VoucherifyError)
    -> APIAnswer
  {
    try project(request, webhooks)
    guard let target = request.body["target_url"]?.stringValue else {
      throw .invalidPayload("`target_url` is required")
    }
    try check(target, served)
    let events = try self.events(request) ?? []
    let webhook = webhooks.create(
      targetURL: target, events: events, active: request.body["active"]?.boolValue ?? true, at: now)
    return APIAnswer(body: webhook.json)
  }

  static func list(
    _ request: APIRequest, _ webhooks: inout ProjectWebhooks, _ now: Timestamp, _ served: TargetRefusal
  ) throws(VoucherifyError)
    -> APIAnswer
  {
    try project(request, webhooks)
    return APIAnswer(
      body: [
        "object": "list", "data_ref": "data", "data": .array(webhooks.all.map(\.json)),
        "total": .int(webhooks.all.count),
      ])
  }

  static func get(
    _ request: APIRequest, _ webhooks: inout ProjectWebhooks, _ now: Timestamp, _ served: TargetRefusal
  ) throws(VoucherifyError)
    -> APIAnswer
  {
    try project(request, webhooks)
    let id = request.parameter("webhookId")
    guard let webhook = webhooks.all.first(where: { $0.id == id }) else {
      throw VoucherifyError.notFound("webhook", id: id)
    }
    return APIAnswer(body: webhook.json)
  }

  static func update(
    _ request: APIRequest, _ webhooks: inout ProjectWebhooks, _ now: Timestamp, _ served: TargetRefusal
  ) throws(VoucherifyError)
    -> APIAnswer
  {
    try project(request, webhooks)
    let id = request.parameter("webhookId")
    let target = request.body["target_url"]?.stringValue
    if let target { try check(target, served) }
    guard
      let webhook = webhooks.update(
        id, targetURL: target, events: try events(request), active: request.body["active"]?.boolValue)
    else { throw VoucherifyError.notFound("webhook", id: id) }
    return APIAnswer(body: webhook.json)
  }

  static func delete(
    _ request: APIRequest, _ webhooks: inout ProjectWebhooks, _ now: Timestamp, _ served: TargetRefusal
  ) throws(VoucherifyError)
    -> APIAnswer
  {
    try project(request, webhooks)
    let id = request.parameter("webhookId")
    guard webhooks.delete(id) else { throw VoucherifyError.notFound("webhook", id: id) }
    return APIAnswer(body: .null)
  }

  /// The path's project must be the served one.
  static func project(_ request: APIRequest, _ webhooks: ProjectWebhooks) throws(VoucherifyError) {
    let id = request.parameter("projectId")
    guard id == webhooks.projectID else { throw VoucherifyError.notFound("project", id: id) }
  }

  /// `events`: event type names (the spec's misspellings accepted), `nil` when absent.
  private static func events(_ request: APIRequest) throws(VoucherifyError) -> [String]? {
    guard let value = request.body["events"], value != .null else { return nil }
    guard let names = value.arrayValue?.compactMap(\.stringValue), names.count == value.arrayValue?.count else {
      throw .invalidPayload("`events` must be an array of event type names")
    }
    let known = Set(ProjectWebhooks.Webhook.allProjectEvents.map(ProjectWebhooks.realName))
    if let unknown = names.first(where: { !known.contains(ProjectWebhooks.realName($0)) }) {
      throw .invalidPayload("`events` has '\(unknown)', not an event type a project webhook can be sent")
    }
    return names
  }

  /// A `target_url` deliveries can go to, and not this server itself.
  private static func check(_ target: String, _ served: TargetRefusal) throws(VoucherifyError) {
    do throws(DeliveryError) { try TransportRequest.validate(url: target) } catch {
      throw .invalidPayload(error.message)
    }
    if let refusal = served(target) { throw .invalidPayload("`target_url` \(refusal)") }
  }
}
