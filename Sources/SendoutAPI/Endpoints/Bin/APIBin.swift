import SendoutCore

/// The bin (`/v1/trash-bin`): the campaigns, vouchers, products and SKUs deleted without `force`, listed and deleted
/// for good (which frees their codes or source ids, as a delete with `force` does).
/// The API has no call that restores an entry (the dashboard does). No webhook.
enum APIBin {
  /// The resource: deletes an entry for good.
  static let resource = APIResource<BinEntry>(
    object: "bin_entry", idParameter: "binEntryId", table: \.binEntries, json: { entry, _ in entry.json },
    delete: { entry, world throws(VoucherifyError) in
      try world.deleteBinEntry(entry.id)
      return []
    })

  /// The operations, by `operationId`.
  static let endpoints: [String: APIEndpoints.Handler] = [
    "list-bin-entries": list, "delete-bin-entry": resource.handler(.delete),
  ]

  /// `GET /v1/trash-bin[?filters[…]…&order=id|-id&starting_after_id=…&limit=…]`: oldest first (`-id`: newest first);
  /// `total` counts the entries of the page, as the spec says.
  static func list(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let filter = try APIConditionFilter(request, fields: ["id", "resource_type", "resource_id", "resource_name"])
    let kept = world.binEntries.filter { entry in
      filter.matches { field in
        switch field {
        case "id": entry.id
        case "resource_type": entry.resourceType
        case "resource_id": entry.resourceID
        default: entry.resourceName
        }
      }
    }
    let ordered = request.query["order"] == "-id" ? kept.reversed() : kept
    var body = try APIList.cursorBody(ordered, request, id: \.id) { .object($0.json) }
    if case .object(var fields) = body {
      fields["total"] = .int(fields["data"]?.arrayValue?.count ?? 0)
      body = .object(fields)
    }
    return APIAnswer(body: body)
  }
}
