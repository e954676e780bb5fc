import SendoutCore

/// One row of an async action: a call of the single-object operation the row stands for (`create-customer` for a
/// customer of a bulk update, `update-voucher` for a code's metadata), applied when the action falls due through
/// that operation's own endpoint and request check, so a row changes the world and sends webhooks exactly as the
/// single call would.
struct AsyncActionRow: Sendable, Equatable {
  /// The single operation's `operationId`.
  var operation: String
  /// Its path parameters.
  var parameters: [String: String] = [:]
  /// Its body.
  var body: JSON
  /// What names the row in the result (its `source_id` or `code`).
  var label: String?
  /// Its row number (a CSV's data rows count from 1).
  var row: Int
  /// Why the row is refused before any call (a CSV cell that is no number), `nil` when it is not.
  var refusal: String?

  /// The row as the async action keeps it.
  var json: JSON {
    var params = JSONObject()
    for (name, value) in parameters.sorted(by: { $0.key < $1.key }) { params[name] = .string(value) }
    return [
      "operation": .string(operation), "parameters": .object(params), "body": body,
      "label": label.map(JSON.string) ?? .null, "row": .int(row), "refusal": refusal.map(JSON.string) ?? .null,
    ]
  }

  /// A row read back from `json`.
  init?(json: JSON) {
    guard let operation = json["operation"]?.stringValue, let body = json["body"], let row = json["row"]?.intValue
    else { return nil }
    self.operation = operation
    self.body = body
    self.row = row
    label = json["label"]?.stringValue
    refusal = json["refusal"]?.stringValue
    for member in json["parameters"]?.objectValue?.members ?? [] {
      parameters[member.key] = member.value.stringValue
    }
  }

  /// A row calling `operation` with `parameters` and `body`.
  init(_ operation: String, _ parameters: [String: String] = [:], body: JSON, label: String?, row: Int) {
    self.operation = operation
    self.parameters = parameters
    self.body = body
    self.label = label
    self.row = row
  }

  /// The spec's operations, by `operationId`.
  private static let operations = Dictionary(APIOperation.spec.map { ($0.operationID, $0) }) { first, _ in first }

  /// Applies the row to `world` through its operation's request check and endpoint: the events it emitted, and the
  /// error that refused it, if one did (the world then is as the single call would have left it).
  func apply(to world: inout World) -> (events: [WorldEvent], error: VoucherifyError?) {
    if let refusal { return ([], .invalidPayload(refusal)) }
    guard let operation = Self.operations[operation], let endpoint = APIEndpoints.all[operation.operationID] else {
      return ([], .invalidPayload("`\(self.operation)` is no simulated operation"))
    }
    do throws(VoucherifyError) {
      try APIBodyLimits.check(body)
      try APIRequestShape.check(operation.operationID, body: body, query: [:])
      let request = APIRequest(operation: operation, parameters: parameters, query: [:], body: body)
      let answer = try endpoint(request, &world)
      return (answer.events, answer.error)
    } catch {
      return ([], error)
    }
  }
}
