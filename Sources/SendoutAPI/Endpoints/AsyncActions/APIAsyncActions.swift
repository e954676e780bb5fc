import SendoutCore

/// Async actions through the mock API: the bulk updates and imports accept their rows at once (202 with an
/// `async_action_id`) and apply them when the action falls due on serve's clock (`MockAPI+AsyncActions`); these two
/// read them back.
enum APIAsyncActions {
  /// The operations, by `operationId`.
  static let endpoints: [String: APIEndpoints.Handler] = ["list-async-actions": list, "get-async-action": get]

  /// The operations that make an async action (their request id is drawn for the action to keep): the bulk updates
  /// and imports, and a campaign's deletion and code generation (done with the call).
  static let making: Set<String> = Set(APIBulkUpdates.endpoints.keys).union(APICSVImports.endpoints.keys)
    .union(["delete-campaign", "add-vouchers-to-campaign"])

  /// `GET /v1/async-actions/{asyncActionId}`: the action, with its `result` once it is done.
  static func get(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let id = request.parameter("asyncActionId")
    guard let action = world.asyncActions[id: id] else { throw VoucherifyError.notFound("async_action", id: id) }
    return APIAnswer(body: .object(action.json(withResult: true)))
  }

  /// `GET /v1/async-actions[?limit=…&end_date=…]`: newest first, those accepted before `end_date` (the walk's
  /// cursor: the last one's `created_at`), `limit` of them (1–100, default 10), without `result`.
  static func list(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let limit = try APIEndpoints.pageParameter(request, "limit", default: 10, range: 1...100)
    var end: Timestamp?
    if let text = request.query["end_date"] {
      let zulu = text.hasSuffix("+00:00") ? String(text.dropLast(6)) + "Z" : text
      guard let time = Timestamp(iso8601: zulu) else {
        throw VoucherifyError(
          status: 400, key: "invalid_query_params", message: "Invalid query params",
          details: "`end_date` must be an ISO 8601 time like 2016-11-16T14:14:31Z or 2016-11-16, got '\(text)'")
      }
      end = time
    }
    let actions = world.asyncActions
    // Accepted in clock order (each one ticks the clock): the ones before `end_date` are a prefix, found by bisection.
    var (low, high) = (actions.startIndex, actions.endIndex)
    while let end, low < high {
      let mid = (low + high) / 2
      if actions[mid].createdAt < end { low = mid + 1 } else { high = mid }
    }
    let before = end == nil ? actions.endIndex : low
    let page = actions[..<before].reversed().prefix(limit).map { JSON.object($0.json(withResult: false)) }
    let more = before > page.count
    return APIAnswer(
      body: [
        "object": "list", "data_ref": "async_actions", "async_actions": .array(page), "has_more": .bool(more),
      ])
  }

  /// Accepts `rows` as an async action of `kind`: 202 (or the operation's own status) with its id.
  static func enqueue(_ kind: AsyncActionKind, _ rows: [AsyncActionRow], _ request: APIRequest, _ world: inout World)
    -> APIAnswer
  {
    let action = world.enqueueAsyncAction(
      type: kind.type, work: .array(rows.map(\.json)), requestID: request.requestID,
      calledAt: request.calledAt ?? world.now, reportsOperationStatus: kind.isUpdate)
    return APIAnswer(body: ["async_action_id": .string(action.id)])
  }
}
