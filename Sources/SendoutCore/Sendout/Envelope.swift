/// The v2024-01-01 webhook envelope, shared by project-settings and distribution webhooks:
/// keys `id, project_id, created_at, type, data, source, event` in that order (docs: introduction-to-webhooks,
/// project-settings-webhooks; schemas `WebhookProjectSettingPayload` / `WebhookDistributionPayload`).
public enum Envelope {
  /// The complete body for `event` sent as sendout `sendoutID` through `endpoint`, created at `createdAt`.
  public static func body(
    for event: WorldEvent, data: JSON, sendoutID: String, endpoint: WebhookEndpoint, createdAt: Timestamp
  ) -> JSON {
    var envelope = JSONObject()
    envelope.append("id", .string(sendoutID))
    envelope.append("project_id", .string(endpoint.projectID))
    envelope.append("created_at", .string(createdAt.iso8601))
    envelope.append("type", .string(typeName(of: event, endpoint: endpoint)))
    envelope.append("data", data)
    envelope.append("source", source(endpoint.source))
    envelope.append("event", eventBlock(event))
    return .object(envelope)
  }

  /// The envelope `type`: the event type for project webhooks, the distribution's event name otherwise.
  public static func typeName(of event: WorldEvent, endpoint: WebhookEndpoint) -> String {
    endpoint.source.object == .distribution ? (endpoint.eventName ?? "") : event.type
  }

  static func source(_ source: SendoutSource) -> JSON {
    [
      "id": .string(source.id), "object": .string(source.object.rawValue),
      "target_url": .string(TargetURL.withoutPassword(source.targetURL)),
    ]
  }

  static func eventBlock(_ event: WorldEvent) -> JSON {
    var eventSource = JSONObject()
    eventSource.append("channel", .string(event.channel))
    if let user = event.userID { eventSource.append("user", ["id": .string(user)]) }
    if let key = event.apiKey {
      eventSource.append("api_key", ["name": .string(key.name), "app_id": .string(key.appID)])
    }
    var block = JSONObject()
    block.append("id", .string(event.eventID))
    block.append("type", .string(event.type))
    block.append("created_at", .string(event.createdAt.iso8601))
    block.append("entity_id", .string(event.entityID))
    block.append("group_id", .string(event.groupID))
    block.append("event_source", .object(eventSource))
    return .object(block)
  }
}
