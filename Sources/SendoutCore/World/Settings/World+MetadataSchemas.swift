extension World {
  /// Creates the metadata schema of `relatedObject` (no event); a second one for the same resource type is
  /// Voucherify's 409 (the docs: create it once, then update it). Each definition needs its `type`.
  public mutating func createMetadataSchema(relatedObject: String, properties: JSONObject, allowDefinedOnly: Bool)
    throws(VoucherifyError) -> MetadataSchema
  {
    if let existing = metadataSchema(for: relatedObject) {
      throw .duplicateFound(
        "metadata_schema", existing.id,
        "a metadata schema for '\(relatedObject)' exists (\(existing.id)): update it instead")
    }
    try Self.checkDefinitions(properties, current: [:])
    tick()
    let schema = MetadataSchema(
      id: make(.metadataSchema), relatedObject: relatedObject, properties: properties,
      allowDefinedOnly: allowDefinedOnly, createdAt: now)
    metadataSchemas.append(schema)
    return schema
  }

  /// Adds or replaces the definitions given (each one whole, as the docs say; the others are kept) and sets
  /// `allow_defined_only` when given (no event). A definition's `type` cannot change.
  public mutating func updateMetadataSchema(_ id: String, properties: JSONObject, allowDefinedOnly: Bool?)
    throws(VoucherifyError) -> MetadataSchema
  {
    let i = try position(in: metadataSchemas, id, "metadata_schema")
    try Self.checkDefinitions(properties, current: metadataSchemas[i].properties)
    tick()
    metadataSchemas[i].properties = metadataSchemas[i].properties.merging(properties)
    if let allowDefinedOnly { metadataSchemas[i].allowDefinedOnly = allowDefinedOnly }
    metadataSchemas[i].updatedAt = now
    return metadataSchemas[i]
  }

  /// Deletes a metadata schema (no event); the metadata already on resources stays, as the docs say.
  public mutating func deleteMetadataSchema(_ id: String) throws(VoucherifyError) {
    try remove(id, from: \.metadataSchemas, "metadata_schema")
  }

  /// The schema of resource type `relatedObject`, if the project has one (a handful: a scan of them).
  public func metadataSchema(for relatedObject: String) -> MetadataSchema? {
    metadataSchemas.first { $0.relatedObject == relatedObject }
  }

  /// Every definition has a `type`, and one already defined keeps its type.
  private static func checkDefinitions(_ properties: JSONObject, current: JSONObject) throws(VoucherifyError) {
    for member in properties.members {
      guard let type = member.value["type"]?.stringValue else {
        throw .invalidPayload("`properties.\(member.key).type` is required")
      }
      if let old = current[member.key]?["type"]?.stringValue, old != type {
        throw .invalidPayload(
          "`properties.\(member.key).type` cannot change from '\(old)' to '\(type)': a definition keeps its type")
      }
    }
  }
}
