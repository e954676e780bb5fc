extension World {
  /// Schedules an export of `object` (`voucher`, `customer`, …) as `parameters` ask (`fields`, `order`, `filters`;
  /// for vouchers also `campaign_id`), limited to the rows `scope` names (the path's card or campaign: `field` must
  /// equal `value`). No event: Voucherify sends none for exports. A 400 names what it refuses.
  public mutating func scheduleExport(
    _ object: String, parameters: JSONObject, scope: (field: String, value: String)? = nil
  ) throws(VoucherifyError) -> Export {
    guard let sheet = ExportSheet.named(object) else {
      throw .invalidPayload(
        "`exported_object` must be one of \(ExportSheet.all.map(\.object).joined(separator: ", ")), got '\(object)'")
    }
    var scoped = scope.map { [$0] } ?? []
    if object == "voucher", let campaign = parameters["campaign_id"]?.stringValue {
      scoped.append(("campaign_id", try self.campaign(campaign).id))
    }
    let conditions = scoped.map { ExportFilter.Condition(field: $0.field, op: .isIn, values: [$0.value]) }
    let query = try sheet.query(parameters, scope: conditions)
    tick()
    var answered: JSONObject = [:]
    answered.put("order", parameters["order"])
    answered["fields"] = .array(query.fields.map(JSON.string))
    var filters = parameters["filters"]?.objectValue ?? [:]
    for (field, value) in scoped where filters[field] == nil {
      filters[field] = ["conditions": ["$in": [.string(value)]]]
    }
    if !filters.members.isEmpty { answered["filters"] = .object(filters) }
    answered.put("campaign_id", object == "voucher" ? parameters["campaign_id"] : nil)
    let export = Export(
      id: make(.export), exportedObject: object, parameters: answered, token: make(.exportToken), createdAt: now,
      dueAt: now.adding(milliseconds: Export.processingMilliseconds), query: query)
    exports.append(export)
    return export
  }

  /// Deletes an export and its file (no event).
  public mutating func deleteExport(_ id: String) throws(VoucherifyError) {
    let i = try position(in: exports, id, "export")
    _ = exports.remove(at: i)
  }

  /// Does every scheduled export due by `time`, in due order (the mock API's wall clock: before each call).
  public mutating func completeExports(dueBy time: Timestamp) {
    while let next = nextExport(dueBy: time) { completeExport(next.id) }
  }

  /// The id of the scheduled export due first by `time`, if any.
  func nextExport(dueBy time: Timestamp) -> (id: String, due: Timestamp)? {
    var next: (id: String, due: Timestamp)?
    for e in exports where e.status == .scheduled && e.dueAt <= time && next.map({ e.dueAt < $0.due }) ?? true {
      next = (e.id, e.dueAt)
    }
    return next
  }

  /// Does one export: its file from the world as it is now.
  mutating func completeExport(_ id: String) {
    guard let i = exports.position(of: id), let sheet = ExportSheet.named(exports[i].exportedObject) else { return }
    exports[i].csv = sheet.csv(exports[i].query, self)
    exports[i].status = .done
  }
}
