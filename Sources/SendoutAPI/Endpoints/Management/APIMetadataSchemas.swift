import SendoutCore

/// The project's metadata schemas: created, read, changed, deleted and listed through the Management API
/// (`/management/v1/projects/{projectId}/metadata-schemas`), and read through the project API (`/v1/metadata-schemas`,
/// by resource type), one table. Writes of customers, orders, products, campaigns and vouchers are checked against
/// them (`APIMetadataRules`). No webhook.
enum APIMetadataSchemas {
  /// The Management API resource.
  static let resource = APIResource<MetadataSchema>(
    object: "metadata_schema", idParameter: "metadataSchemaId", table: \.metadataSchemas,
    json: { schema, _ in schema.json }, listing: .init(paged: false),
    create: { request, world throws(VoucherifyError) in
      let relatedObject = try request.required("related_object", errorKey: VoucherifyError.invalidPayloadKey)
      guard let properties = request.object(at: "properties") else {
        throw .invalidPayload("`properties` is required: an object of metadata definitions")
      }
      let made = try world.createMetadataSchema(
        relatedObject: relatedObject, properties: properties,
        allowDefinedOnly: request.bool(at: "allow_defined_only") ?? false)
      return Emitted(made, [])
    },
    update: { schema, request, world throws(VoucherifyError) in
      let changed = try world.updateMetadataSchema(
        schema.id, properties: request.object(at: "properties") ?? [:],
        allowDefinedOnly: request.bool(at: "allow_defined_only"))
      return Emitted(changed, [])
    },
    delete: { schema, world throws(VoucherifyError) in
      try world.deleteMetadataSchema(schema.id)
      return []
    })

  /// The project API's view: the same table, read by resource type, listed under `schemas`.
  static let byResource = APIResource<MetadataSchema>(
    object: "metadata_schema", idParameter: "resource", table: \.metadataSchemas, json: { schema, _ in schema.json },
    listing: .init(key: "schemas", paged: false), find: { resource, world in world.metadataSchema(for: resource) })

  /// The operations, by `operationId`.
  static let endpoints =
    resource.endpoints([
      "list-metadata-schemas-1": .list, "create-metadata-schema": .create, "get-metadata-schema-1": .get,
      "update-metadata-schema": .update, "delete-metadata-schema": .delete,
    ]).merging(byResource.endpoints(["list-metadata-schemas": .list, "get-metadata-schema": .get])) { a, _ in a }
}
