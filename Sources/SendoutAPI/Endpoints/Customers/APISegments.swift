import SendoutCore

/// Customer segments through the mock API: create, get and delete (the spec has no list), a generic resource. The world keeps
/// static segments, whose members are the customers named; segments of filters (`auto-update`, `passive`) would
/// need the filter language evaluated and answer 501.
enum APISegments {
  /// The resource: static segments, created by `create`, deleted by the world's `deleteSegment` (no event).
  static let resource = APIResource<Segment>(
    object: "segment", idParameter: "segmentId", table: \.segments, json: { segment, _ in json(segment) },
    create: create,
    delete: { segment, world throws(VoucherifyError) in
      _ = try world.deleteSegment(segment.id)
      return []
    })

  /// The operations, by `operationId`.
  static let endpoints = resource.endpoints(["create-segment": .create, "get-segment": .get, "delete-segment": .delete])

  private static let key = VoucherifyError.invalidPayloadKey

  /// `POST /v1/segments` `{name, type: "static", customers: [id or source_id…]}`: each customer enters the segment
  /// (`customer.segment.entered`).
  static func create(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> Emitted<Segment> {
    let name = try request.required("name", errorKey: key)
    let type = request.string(at: "type") ?? "static"
    guard type == "static" else {
      throw VoucherifyError.notSimulated(
        "segments of type '\(type)' (filters) are not simulated by sendout serve: use type static")
    }
    var ids: [String] = []
    for customerKey in (request.array(at: "customers") ?? []).compactMap(\.stringValue) {
      let id = try APIEndpoints.customer(customerKey, in: world).id
      if !ids.contains(id) { ids.append(id) }
    }
    let segment = world.addSegment(name: name)
    var events: [WorldEvent] = []
    for id in ids {
      events += try world.enterSegment(customerID: id, segmentID: segment.id).events
    }
    return Emitted(segment, events)
  }

  /// `Segment`.
  static func json(_ segment: Segment) -> JSONObject {
    [
      "id": .string(segment.id), "name": .string(segment.name), "created_at": .string(segment.createdAt.iso8601),
      "updated_at": .null, "type": "static", "filter": .null, "object": "segment",
    ]
  }
}
