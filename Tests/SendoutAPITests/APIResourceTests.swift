import SendoutCore
import Testing

@testable import SendoutAPI

/// The generic resource on its own: a test resource over the world's validation rules (whose operations emit
/// `business_validation_rule.*`) and one over their assignments (a parent in the path), driven by tables.
@Suite struct APIResourceTests {
  /// Rules named by the body's `name`; ordered by `name`; the world operations are the hook.
  static let rules = APIResource<ValidationRule>(
    object: "validation_rules", idParameter: "id", table: \.validationRules, json: { rule, _ in rule.json },
    listing: .init(order: ["name": { $0.name < $1.name }]),
    create: { request, world throws(VoucherifyError) in
      world.createValidationRule(name: request.body["name"]?.stringValue ?? "", minimumOrderAmount: 0, channel: .api)
    },
    update: { rule, request, world throws(VoucherifyError) in
      try world.updateValidationRule(rule.id, minimumOrderAmount: request.body["min"]?.intValue ?? 0, channel: .api)
    },
    delete: { rule, world throws(VoucherifyError) in try world.deleteValidationRule(rule.id, channel: .api).events })

  /// Assignments under the rule the path names.
  static let assignments = APIResource<ValidationRuleAssignment>(
    object: "validation_rules_assignment", idParameter: "assignmentId", table: \.ruleAssignments,
    json: { assignment, _ in assignment.json },
    parent: .init(
      id: { request, world throws(VoucherifyError) in
        guard request.parameters["id"] != nil else { return nil }
        return try rules.entity(request, world).id
      }, key: \.ruleID),
    listing: .init(paged: false, hasMore: true))

  static func request(_ parameters: [String: String] = [:], query: [String: String] = [:], body: JSON = [:])
    -> APIRequest
  {
    APIRequest(operation: APIOperation.spec[0], parameters: parameters, query: query, body: body)
  }

  /// A world with rules `r00`…`r11` (created in that order, named in reverse: `r11` first by name).
  static func world() -> World {
    var world = World(seed: 7, start: Timestamp(milliseconds: 1_704_067_200_000))
    for i in 0..<12 { _ = world.createValidationRule(name: "r\(11 - i)", minimumOrderAmount: i) }
    return world
  }

  @Test func eachVerbAnswersTheEntityAndTheEventsItsOperationEmitted() throws {
    var world = Self.world()
    let first = world.validationRules[0].id
    let cases: [(APIResource<ValidationRule>.Verb, APIRequest, name: String?, events: [String])] = [
      (.create, Self.request(body: ["name": "new"]), "new", ["business_validation_rule.created"]),
      (.get, Self.request(["id": first]), "r11", []),
      (.update, Self.request(["id": first], body: ["min": 5]), "r11", ["business_validation_rule.updated"]),
      (.delete, Self.request(["id": first]), nil, ["business_validation_rule.deleted"]),
    ]
    for (verb, request, name, events) in cases {
      let before = world.log.count
      let answer = try Self.rules.handler(verb)(request, &world)
      #expect(answer.body["name"]?.stringValue == name, "\(verb)")
      #expect(answer.events.map(\.type) == events, "\(verb): the answer carries the operation's events")
      #expect(Array(world.log.dropFirst(before)) == answer.events, "\(verb): exactly those")
    }
    #expect(world.validationRules[id: first] == nil, "deleted")
    #expect(world.validationRules.last?.name == "new")
  }

  @Test func anUnknownIdIsVoucherifys404AndChangesNothing() {
    for verb in [APIResource<ValidationRule>.Verb.get, .update, .delete] {
      var world = Self.world()
      let logged = world.log.count
      #expect(throws: VoucherifyError.notFound("validation_rules", id: "val_nope")) {
        _ = try Self.rules.handler(verb)(Self.request(["id": "val_nope"]), &world)
      }
      #expect(world.log.count == logged && world.validationRules.count == 12, "\(verb)")
    }
    let body = VoucherifyError.notFound("validation_rules", id: "val_nope").body(requestID: "r")
    #expect(body["code"] == 404 && body["key"] == "not_found" && body["resource_type"] == "validation_rules")
    #expect(body["details"] == "Cannot find validation_rules with id val_nope" && body["resource_id"] == "val_nope")
  }

  @Test func listPagesOrdersAndRefusesAsTheListEndpointsDo() throws {
    let cases: [([String: String], names: [String], total: Int)] = [
      ([:], (0..<10).map { "r\(11 - $0)" }, 12),
      (["limit": "5", "page": "3"], ["r1", "r0"], 12),
      (["order": "name", "limit": "3"], ["r0", "r1", "r10"], 12),
      (["order": "-name", "limit": "2", "page": "2"], ["r7", "r6"], 12),
      (["page": "9"], [], 12),
    ]
    var world = Self.world()
    for (query, names, total) in cases {
      let body = try Self.rules.handler(.list)(Self.request(query: query), &world).body
      #expect(body["object"] == "list" && body["data_ref"] == "data" && body["has_more"] == nil, "\(query)")
      #expect(body["data"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == names, "\(query)")
      #expect(body["total"]?.intValue == total, "\(query)")
    }
    for query in [["limit": "0"], ["limit": "101"], ["page": "x"], ["order": "size"]] {
      #expect(throws: VoucherifyError.self, "\(query)") {
        _ = try Self.rules.handler(.list)(Self.request(query: query), &world)
      }
      do { _ = try Self.rules.handler(.list)(Self.request(query: query), &world) } catch {
        #expect(error.status == 400 && error.key == "invalid_query_params", "\(query)")
      }
    }
  }

  @Test func aParentInThePathScopesLookupsAndLists() throws {
    var world = try World.sample(seed: 3, start: Timestamp(milliseconds: 1_704_067_200_000))
    let a = world.createValidationRule(name: "a", minimumOrderAmount: 1).value.id
    let b = world.createValidationRule(name: "b", minimumOrderAmount: 2).value.id
    let onA = try world.assignValidationRule(a, to: world.campaigns[0].id).value.id
    let onB = try world.assignValidationRule(b, to: world.campaigns[0].id).value.id
    let get = Self.assignments.handler(.get)
    #expect(try get(Self.request(["id": a, "assignmentId": onA]), &world).body["id"]?.stringValue == onA)
    #expect(throws: VoucherifyError.notFound("validation_rules_assignment", id: onB), "another parent's") {
      _ = try get(Self.request(["id": a, "assignmentId": onB]), &world)
    }
    #expect(throws: VoucherifyError.notFound("validation_rules", id: "val_x"), "the parent's 404 first") {
      _ = try get(Self.request(["id": "val_x", "assignmentId": onA]), &world)
    }
    let list = Self.assignments.handler(.list)
    let ofA = try list(Self.request(["id": a], query: ["limit": "1"]), &world).body
    #expect(ofA["data"]?.arrayValue?.map { $0["id"] } == [.string(onA)] && ofA["has_more"] == false)
    let all = try list(Self.request(), &world).body
    #expect(all["total"]?.intValue == world.ruleAssignments.count, "no parent in the path: the whole table")
    #expect(all["data"]?.arrayValue?.count == world.ruleAssignments.count, "unpaged")
  }

  @Test func aWriteWithoutItsWorldOperationIs501() {
    var world = Self.world()
    for verb in [APIResource<ValidationRuleAssignment>.Verb.create, .update, .delete] {
      do {
        _ = try Self.assignments.handler(verb)(Self.request(["assignmentId": "x"]), &world)
        Issue.record("\(verb) answered")
      } catch { #expect(error.status == 501 && error.key == "not_implemented", "\(verb)") }
    }
  }
}
