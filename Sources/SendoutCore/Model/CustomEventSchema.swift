/// A custom event definition in the project's event schema (`ms_…`): its name and the definitions of its metadata.
public struct CustomEventSchema: Sendable, Equatable, Identifiable {
  /// `ms_…`.
  public var id: String
  /// The event name, e.g. `sign_up`.
  public var name: String
  /// The metadata definitions (`schema.properties`), by key: `type`, `optional`, `deleted`.
  public var properties: JSONObject
  /// When it was defined.
  public var createdAt: Timestamp
  /// When it was last changed.
  public var updatedAt: Timestamp?

  /// Creates a schema.
  public init(id: String, name: String, properties: JSONObject = [:], createdAt: Timestamp) {
    self.id = id
    self.name = name
    self.properties = properties
    self.createdAt = createdAt
  }

  /// `SimpleCustomEvent`.
  public var simpleJSON: JSONObject { ["id": .string(id), "name": .string(name)] }

  /// `ManagementProjectsCustomEventSchema`.
  public var json: JSONObject {
    [
      "id": .string(id), "name": .string(name), "schema": ["properties": .object(properties)],
      "created_at": .time(createdAt), "updated_at": .time(updatedAt), "object": "custom-event-schema",
    ]
  }
}
