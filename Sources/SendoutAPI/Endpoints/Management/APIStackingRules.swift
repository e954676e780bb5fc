import SendoutCore

/// A project's stacking rules through the Management API (`/management/v1/projects/{projectId}/stacking-rules`):
/// list (always one item: the rules set, or the defaults, which have no id), create, get, update and delete (the
/// defaults again), a generic resource (no webhook). The served project's rules are the ones validations and
/// redemptions apply (`World.stackingRulesInForce`).
enum APIStackingRules {
  /// The resource: the stacking rules set, each of the project the path names.
  static let resource = APIResource<StackingRules>(
    object: "stacking_rules", idParameter: "stackingRulesId", table: \.stackingRules,
    json: { rules, _ in rules.json },
    parent: .init(id: { request, _ in request.parameter("projectId") }, key: \.projectID),
    create: { request, world throws(VoucherifyError) in
      Emitted(try world.createStackingRules(settings(request), for: request.parameter("projectId")), [])
    },
    update: { rules, request, world throws(VoucherifyError) in
      Emitted(try world.updateStackingRules(rules.id, settings(request)), [])
    },
    delete: { rules, world throws(VoucherifyError) in
      try world.deleteStackingRules(rules.id)
      return []
    })

  /// The operations, by `operationId`.
  static let endpoints = APIEndpoints.union([
    resource.endpoints([
      "create-stacking-rules": .create, "get-stacking-rules": .get, "update-stacking-rules": .update,
      "delete-stacking-rules": .delete,
    ]),
    ["list-stacking-rules": list],
  ])

  /// `GET …/stacking-rules`: the project's rules, one item.
  static func list(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let rules = world.stackingRules(of: request.parameter("projectId"))
    return APIAnswer(body: APIList.body("data", [.object(rules.json)], total: 1))
  }

  /// The body's settings that stacking rules have (the request check has checked their types and ranges); `null`
  /// leaves a setting as it is.
  private static func settings(_ request: APIRequest) -> JSONObject {
    JSONObject(
      (request.body.objectValue?.members ?? []).filter { StackingRules.defaults[$0.key] != nil && $0.value != .null })
  }
}
