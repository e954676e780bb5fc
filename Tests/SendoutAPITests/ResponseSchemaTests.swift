import Foundation
import SendoutCore
import SendoutTestSupport
import Testing

@testable import SendoutAPI

/// Every simulated operation's 2xx answer checked against the response schema the spec gives that operation and
/// status (`APIOperation.specResponseSchemas`, generated from the spec): one valid call of each (`SchemaCall.table`),
/// in order, on one in-process mock over the sample world, each answer validated in structure mode.
@Suite struct ResponseSchemaTests {
  static let spec = Result { try Fixtures.apiSpec() }
  static let validator = Result { try SchemaValidator(document: spec.get()) }
  static let simulated = Set(APIEndpoints.all.keys).union(APIManagement.all.keys)

  @Test func everySimulatedOperationsAnswerMatchesItsResponseSchema() throws {
    let api = try InProcessAPI()
    var ids = try Self.worldIDs(api)
    var checked = 0
    for call in SchemaCall.table {
      let (status, body) = try Self.run(call, on: api, ids: &ids)
      let problems = try Self.problems(call, status: status, body: body)
      #expect(problems.isEmpty, "\(call.operation) \(call.path): \(problems)")
      checked += APIOperation.specResponseSchemas[call.operation]?[status] == nil ? 0 : 1
    }
    #expect(checked > 90, "answers checked against a schema (the others are 204s): \(checked)")
  }

  @Test func everySimulatedOperationHasARow() {
    #expect(Self.unrowed(SchemaCall.table).isEmpty, "no row: \(Self.unrowed(SchemaCall.table))")
    #expect(SchemaCall.table.count >= Self.simulated.count && Self.simulated.count > 100)
    let first = SchemaCall.table[0].operation
    #expect(Self.unrowed(SchemaCall.table.filter { $0.operation != first }) == [first], "the check can fail")
  }

  /// The check can fail: a wrong type (each one reported), an error status, a body where the spec gives none, and a
  /// known failure that no longer happens.
  @Test func aBrokenAnswerIsReported() throws {
    let api = try InProcessAPI()
    var ids = try Self.worldIDs(api)
    let call = SchemaCall("get-voucher", "/v1/vouchers/{code}")
    let (status, body) = try Self.run(call, on: api, ids: &ids)
    #expect(try Self.problems(call, status: status, body: body).isEmpty)
    var wrongType = try #require(body?.objectValue)
    wrongType["active"] = "yes"
    var twoWrong = wrongType
    twoWrong["code"] = 5
    #expect(try Self.problems(call, status: status, body: .object(wrongType)).count == 1)
    #expect(try Self.problems(call, status: status, body: .object(twoWrong)).count == 2)
    #expect(try Self.problems(call, status: 404, body: body).count == 1)
    #expect(try Self.problems(SchemaCall("delete-voucher", ""), status: 204, body: body).count == 1)
    let known = SchemaCall("get-voucher", "", known: ["active": "a reason"])
    #expect(try Self.problems(known, status: status, body: .object(wrongType)).isEmpty)
    #expect(try Self.problems(known, status: status, body: body).count == 1, "a known failure that is gone is stale")
  }

  /// `APIOperation.specResponseSchemas` is what `scripts/gen-api-operations.py --responses` makes of the spec.
  @Test func theResponseSchemaTableIsTheSpecs() throws {
    var fromSpec: [String: [Int: String]] = [:]
    for path in try Self.spec.get()["paths"]?.objectValue?.members ?? [] {
      for method in ["get", "post", "put", "delete", "patch"] {
        guard let operation = path.value[method], let id = operation["operationId"]?.stringValue else { continue }
        var schemas: [Int: String] = [:]
        for response in operation["responses"]?.objectValue?.members ?? [] where response.key.hasPrefix("2") {
          guard let status = Int(response.key), let schema = response.value["content"]?["application/json"]?["schema"]
          else { continue }
          let ref = schema["$ref"]?.stringValue ?? ""
          let prefix = "#/components/schemas/"
          let escaped = path.key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
          schemas[status] =
            ref.hasPrefix(prefix) && schema.objectValue?.count == 1
            ? String(ref.dropFirst(prefix.count))
            : "#/paths/\(escaped)/\(method)/responses/\(status)/content/application~1json/schema"
        }
        fromSpec[id] = schemas
      }
    }
    #expect(fromSpec.count == APIOperation.spec.count)
    let table = APIOperation.specResponseSchemas
    let differing = Set(fromSpec.keys).union(table.keys).filter { fromSpec[$0] != table[$0] }.sorted()
    #expect(differing.isEmpty, "run scripts/gen-api-operations.py --responses; these differ: \(differing)")
  }

  /// The sample world's ids the table's placeholders name.
  static func worldIDs(_ api: InProcessAPI) throws -> [String: String] {
    let ids = api.read { w -> [String: String?] in
      let holder = w.customers.first?.id
      return [
        "project": api.projectID, "code": w.vouchers.first?.code,
        "gift": w.vouchers.first { $0.campaignType == .giftVouchers && $0.holderID == holder }?.code,
        "giftCampaign": w.firstCampaign(.giftVouchers)?.id, "loyalty": w.firstCampaign(.loyaltyProgram)?.id,
        "referral": w.firstCampaign(.referralProgram)?.id, "promo": w.firstCampaign(.promotion)?.id,
        "sampleTier": w.promotionTiers.first?.id, "loyaltyTier": w.loyaltyTiers.first?.id,
        "earning": w.earningRules.first?.id, "reward": w.rewards.first?.id,
        "card": w.vouchers.first { $0.campaignType == .loyaltyProgram && $0.holderID == holder }?.code,
      ]
    }
    return try ids.mapValues { try #require($0) }
  }

  /// Makes `call` (its method from the spec, the path checked to route to its operation) and keeps its ids.
  static func run(_ call: SchemaCall, on api: InProcessAPI, ids: inout [String: String]) throws -> (Int, JSON?) {
    let operation = try #require(APIOperation.spec.first { $0.operationID == call.operation }, "\(call.operation)")
    if call.operation == "download-export" { return try download(call, on: api, ids: &ids) }
    let path = SchemaCall.filled(call.path, ids)
    let route = APIRouter().match(method: operation.method, path: String(path.prefix { $0 != "?" }))
    guard case .operation(let routed, _) = route, routed.operationID == call.operation else {
      Issue.record("\(operation.method) \(path) does not route to \(call.operation): \(route)")
      return (0, nil)
    }
    let (status, body) = api.call(
      operation.method, path, body: SchemaCall.filled(call.body, ids), client: operation.auth == .client)
    for (name, at) in call.keeps {
      guard let id = body?.value(atPath: at)?.stringValue else {
        Issue.record("\(call.operation): no `\(at)` to keep in \(status) \(body?.compactString.prefix(300) ?? "")")
        continue
      }
      ids[name] = id
    }
    return (status, body)
  }

  /// `download-export` (the path of `get-export` with a `token`): the clock moved past the export's processing, the
  /// CSV asked for with the export's token. The spec gives no JSON body: a CSV that starts with its header is `null`.
  static func download(_ call: SchemaCall, on api: InProcessAPI, ids: inout [String: String]) throws -> (Int, JSON?) {
    api.moveClock(to: api.read { $0.now }.adding(milliseconds: Export.processingMilliseconds))
    ids["exportToken"] = api.read { $0.exports[id: ids["export"] ?? ""]?.token }
    let (status, bytes) = api.raw("GET", SchemaCall.filled(call.path, ids))
    return (status, bytes.starts(with: Array("code,value\r\n".utf8)) ? .null : nil)
  }

  /// What is wrong with an answer to `call`: a status that is not 2xx, a body where the spec gives none, a
  /// failure against the operation's schema for the status that the row does not know, a known failure that is gone.
  static func problems(_ call: SchemaCall, status: Int, body: JSON?) throws -> [String] {
    guard (200..<300).contains(status), let body else {
      return ["status \(status): \(body?.compactString.prefix(300) ?? "not JSON")"]
    }
    guard let location = APIOperation.specResponseSchemas[call.operation]?[status] else {
      return body == .null
        ? [] : ["the spec gives no JSON body for \(status), the answer has \(body.compactString.prefix(200))"]
    }
    let failures = try validate(body, at: location)
    let known = Set(call.known.keys)
    let unknown = failures.filter { !known.contains($0.path) }.map(\.description)
    let stale = known.subtracting(failures.map(\.path)).map { "known failure at `\($0)` no longer happens" }
    return unknown + stale.sorted()
  }

  /// `body` validated (structure mode) against a schema name or an inline schema's JSON pointer in the spec.
  static func validate(_ body: JSON, at location: String) throws -> [SchemaValidator.Failure] {
    let validator = try validator.get()
    guard location.hasPrefix("#/") else { return validator.validate(body, against: location, options: .structure) }
    var schema: JSON? = try spec.get()
    for token in location.dropFirst(2).split(separator: "/") {
      schema = schema?[token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")]
    }
    return validator.validate(body, schema: try #require(schema, "no schema at \(location)"), options: .structure)
  }

  /// The simulated operations without a row, and the rows of operations that are not simulated.
  static func unrowed(_ table: [SchemaCall]) -> [String] {
    let rowed = Set(table.map(\.operation))
    return simulated.symmetricDifference(rowed).sorted()
  }
}
