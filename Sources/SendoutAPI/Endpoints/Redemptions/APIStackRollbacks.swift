import SendoutCore

/// Rolling back a stacked redemption through the mock API: `POST /v1/redemptions/{parentRedemptionId}/rollbacks`.
enum APIStackRollbacks {
  /// The operations, by `operationId`.
  static let endpoints: [String: APIEndpoints.Handler] = [
    "rollback-stacked-redemptions": rollbackStack
  ]

  /// `POST /v1/redemptions/{parentRedemptionId}/rollbacks[?reason=…]`: rolls back every child of a stacked
  /// redemption (each emits `redemption.rollback.succeeded` and its customer counterpart) and the parent; a
  /// redemption without children is rolled back alone. Answers the rollbacks, the parent's, and the order.
  static func rollbackStack(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let id = request.parameter("parentRedemptionId")
    let reason = request.query["reason"] ?? request.body["reason"]?.stringValue
    let rolled = try world.rollbackStack(parentID: id, reason: reason, channel: .api)
    var rollbacks: [JSON] = []
    for r in rolled.value.rollbacks { rollbacks.append(.object(try world.redemptionJSON(r.id))) }
    var o: JSONObject = ["rollbacks": .array(rollbacks)]
    if let parent = rolled.value.parent { o["parent_rollback"] = .object(try world.redemptionJSON(parent.id)) }
    let orderID = rolled.value.parent?.orderID ?? rolled.value.rollbacks.first?.orderID
    o["order"] = orderID.map { id in (try? world.orderJSON(id)).map(JSON.object) ?? .null } ?? .null
    return APIAnswer(body: .object(o), events: rolled.events)
  }
}
