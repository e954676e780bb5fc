import SendoutCore

/// Customer segments through the mock API: create, get and delete (the spec has no list). The world keeps
/// static segments, whose members are the customers named; segments of filters (`auto-update`, `passive`) would
/// need the filter language evaluated and answer 501.
enum APISegments {
  /// The operations, by `operationId`.
  static let endpoints: [String: APIEndpoints.Handler] = [
    "create-segment": create, "get-segment": get, "delete-segment": delete,
  ]

  private static let key = VoucherifyError.invalidPayloadKey

  /// `POST /v1/segments` `{name, type: "static", customers: [id or source_id…]}`: each customer enters the segment
  /// (`customer.segment.entered`).
  static func create(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let name = try request.required("name", errorKey: key)
    let type = request.string(at: "type") ?? "static"
    guard type == "static" else {
      throw VoucherifyError(
        status: 501, key: "not_implemented", message: "Not implemented",
        details: "segments of type '\(type)' (filters) are not simulated by sendout serve: use type static")
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
    return APIAnswer(body: .object(json(segment)), events: events)
  }

  /// `GET /v1/segments/{segmentId}`.
  static func get(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    APIAnswer(body: .object(json(try segment(request, world))))
  }

  /// `DELETE /v1/segments/{segmentId}`: 204.
  static func delete(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let id = try segment(request, world).id
    _ = try world.deleteSegment(id)
    return APIAnswer(body: .null)
  }

  private static func segment(_ request: APIRequest, _ world: World) throws(VoucherifyError) -> Segment {
    let id = request.parameter("segmentId")
    guard let segment = world.segments[id: id] else { throw VoucherifyError.notFound("segment", id: id) }
    return segment
  }

  /// `Segment`.
  static func json(_ segment: Segment) -> JSONObject {
    [
      "id": .string(segment.id), "name": .string(segment.name), "created_at": .string(segment.createdAt.iso8601),
      "updated_at": .null, "type": "static", "filter": .null, "object": "segment",
    ]
  }
}
