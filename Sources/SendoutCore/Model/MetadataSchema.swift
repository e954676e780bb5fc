/// A metadata schema of the project (`ms_…`): the definitions of one resource type's metadata (`customer`, `order`…
/// or a custom nested object), each with its `type`, whether it is `optional`, an `array`, or `deleted`.
public struct MetadataSchema: Sendable, Equatable, Identifiable {
  /// `ms_…`.
  public var id: String
  /// The resource type the schema describes.
  public var relatedObject: String
  /// The definitions, by metadata key, as the client sent them.
  public var properties: JSONObject
  /// Whether only the defined keys may be given values (the dashboard's managers read it).
  public var allowDefinedOnly: Bool
  /// When it was created.
  public var createdAt: Timestamp
  /// When it was last changed.
  public var updatedAt: Timestamp?

  /// Creates a schema.
  public init(id: String, relatedObject: String, properties: JSONObject, allowDefinedOnly: Bool, createdAt: Timestamp) {
    self.id = id
    self.relatedObject = relatedObject
    self.properties = properties
    self.allowDefinedOnly = allowDefinedOnly
    self.createdAt = createdAt
  }

  /// `ManagementProjectsMetadataSchema` (and the project API's `MetadataSchemaDeprecated`).
  public var json: JSONObject {
    [
      "id": .string(id), "related_object": .string(relatedObject), "properties": .object(properties),
      "allow_defined_only": .bool(allowDefinedOnly), "created_at": .time(createdAt),
      "updated_at": .time(updatedAt), "object": "metadata_schema",
    ]
  }
}
