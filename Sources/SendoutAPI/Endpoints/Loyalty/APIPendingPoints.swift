import SendoutCore

/// A member's pending points adjusted through the mock API, on the world operation the `pending_points_update`
/// scenario step uses, so the `*.pending_points.updated` event matches.
enum APIPendingPoints {
  /// The operations, by `operationId`.
  static let endpoints: [String: APIEndpoints.Handler] = ["adjust-member-pending-points": adjust]

  /// `POST /v1/loyalties/members/{memberId}/pending-points/{pendingPointsId}/balance` `{"points": 20}` (negative
  /// subtracts; at least 1 point must stay pending): emits `*.pending_points.updated`. Answers the change and the
  /// card's pending total.
  static func adjust(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let card = try APILoyalties.card(request, in: world)
    let id = request.parameter("pendingPointsId")
    guard let pending = world.pendingPoints[id: id], pending.voucherID == card.id else {
      throw VoucherifyError.notFound("pending_points", id: id)
    }
    guard let delta = request.body["points"]?.intValue, delta != 0 else {
      let given = JSONWriter().string(request.body["points"] ?? .null)
      throw VoucherifyError.invalidPayload("`points` must be a non-zero integer (negative subtracts), got '\(given)'")
    }
    let updated = try world.updatePendingPoints(id, points: pending.points.addingSaturated(delta), channel: .api)
    let now = try APIEndpoints.voucher(card.id, in: world)
    let body: JSON = [
      "points": .int(delta), "total": .int(now.pendingPoints), "object": "balance",
      "related_object": ["type": "voucher", "id": .string(now.id)],
    ]
    return APIAnswer(body: body, events: updated.events)
  }
}
