import SendoutCore

/// The project's custom event definitions through the Management API
/// (`/management/v1/projects/{projectId}/custom-event-schemas`): create, get, update, delete and list over the table
/// `track-custom-event` reads (an event's metadata is checked against its definition's). No webhook.
enum APICustomEventSchemas {
  /// The resource.
  static let resource = APIResource<CustomEventSchema>(
    object: "custom_event_schema", idParameter: "customEventSchemaId", table: \.customEventSchemas,
    json: { schema, _ in schema.json }, listing: .init(paged: false),
    create: { request, world throws(VoucherifyError) in
      let name = try request.required("name", errorKey: VoucherifyError.invalidPayloadKey)
      guard request.object(at: "schema") != nil else {
        throw .invalidPayload("`schema` is required: an object with the event's `properties` (it may be empty)")
      }
      return Emitted(try world.createCustomEventSchema(name: name, properties: try properties(request)), [])
    },
    update: { schema, request, world throws(VoucherifyError) in
      Emitted(try world.updateCustomEventSchema(schema.id, properties: try properties(request)), [])
    },
    delete: { schema, world throws(VoucherifyError) in
      try world.deleteCustomEventSchema(schema.id)
      return []
    })

  /// The operations, by `operationId`.
  static let endpoints = resource.endpoints([
    "list-custom-event-schemas": .list, "create-custom-event-schema": .create, "get-custom-event-schema": .get,
    "update-custom-event-schema": .update, "delete-custom-event-schema": .delete,
  ])

  /// `schema.properties`: each definition with its `type` and `optional` (the request check checks their types).
  private static func properties(_ request: APIRequest) throws(VoucherifyError) -> JSONObject {
    let properties = request.object(at: "schema.properties") ?? [:]
    for member in properties.members {
      for key in ["type", "optional"] where member.value[key] == nil {
        throw .invalidPayload("`schema.properties.\(member.key).\(key)` is required")
      }
    }
    return properties
  }
}
