extension World {
  /// Defines custom event `name` with its metadata definitions (no event); a name already defined is Voucherify's 409.
  public mutating func createCustomEventSchema(name: String, properties: JSONObject) throws(VoucherifyError)
    -> CustomEventSchema
  {
    if let existing = customEventSchema(named: name) {
      throw .duplicateFound("custom_event_schema", existing.id, "custom event '\(name)' is defined (\(existing.id))")
    }
    tick()
    let schema = CustomEventSchema(id: make(.metadataSchema), name: name, properties: properties, createdAt: now)
    customEventSchemas.append(schema)
    return schema
  }

  /// Adds or replaces the metadata definitions given, keeping the others (no event).
  public mutating func updateCustomEventSchema(_ id: String, properties: JSONObject) throws(VoucherifyError)
    -> CustomEventSchema
  {
    let i = try position(in: customEventSchemas, id, "custom_event_schema")
    tick()
    customEventSchemas[i].properties = customEventSchemas[i].properties.merging(properties)
    customEventSchemas[i].updatedAt = now
    return customEventSchemas[i]
  }

  /// Deletes a custom event definition (no event); the events tracked stay.
  public mutating func deleteCustomEventSchema(_ id: String) throws(VoucherifyError) {
    try remove(id, from: \.customEventSchemas, "custom_event_schema")
  }

  /// The definition of custom event `name`, if any (a handful: a scan of them).
  public func customEventSchema(named name: String) -> CustomEventSchema? {
    customEventSchemas.first { $0.name == name }
  }
}
