import SendoutCore
import SendoutTestSupport
import Testing

@testable import SendoutAPI

/// The request shapes generated from the spec, and the check that walks a value against one.
@Suite struct APIShapeCheckTests {
  /// The generated table parses, covers the operations that take a body or query, and names only schemas it holds
  /// (a text that did not parse would leave every call unchecked).
  @Test func theGeneratedShapesParseAndEveryReferenceResolves() {
    let (operations, schemas) = APIRequestShape.spec
    #expect(operations.count > 140 && schemas.count > 200, "\(operations.count) operations, \(schemas.count) schemas")
    #expect(operations["create-customer"]?.body == .named("CustomersCreateRequestBody"))
    var unresolved: Set<String> = []
    func visit(_ shape: APIShape) {
      switch shape {
      case .named(let name) where schemas[name] == nil: unresolved.insert(name)
      case .object(let fields, _): fields.values.forEach(visit)
      case .array(let element), .nullable(let element): visit(element)
      case .anyOf(let alternatives): alternatives.forEach(visit)
      default: break
      }
    }
    operations.values.compactMap(\.body).forEach(visit)
    schemas.values.forEach(visit)
    #expect(unresolved.isEmpty, "\(unresolved.sorted())")
  }

  /// The committed table is the spec's: every operation with a JSON request body has a body shape, and no other
  /// (a spec updated without running `scripts/gen-api-operations.py --shapes` fails here).
  @Test func everyOperationWithABodyInTheSpecHasItsShape() throws {
    var withBody: Set<String> = []
    for path in try Fixtures.apiSpec()["paths"]?.objectValue?.members ?? [] {
      for method in ["get", "post", "put", "delete", "patch"] {
        guard let operation = path.value[method], let id = operation["operationId"]?.stringValue else { continue }
        if operation.value(atPath: "requestBody.content.application/json.schema") != nil { withBody.insert(id) }
      }
    }
    let shaped = Set(APIRequestShape.spec.operations.filter { $0.value.body != nil }.keys)
    #expect(withBody.count > 90 && shaped == withBody, "\(shaped.symmetricDifference(withBody).sorted())")
  }

  static let item = APIShape.object(fields: ["quantity": .integer, "price": .nullable(.number)], required: ["price"])
  static let shape = APIShape.object(
    fields: [
      "items": .array(.named("Item")), "status": .string(allowed: ["PAID", "CREATED"]),
      "id": .anyOf([.string(allowed: []), .integer]),
    ], required: [])

  @Test(arguments: [
    (#"{"items":[{"price":1,"quantity":2}],"status":"PAID","id":3,"extra":true}"#, nil),
    (#"{"items":[{"price":null}],"id":"x"}"#, nil),
    (#"{"items":[{"price":1},{"price":1,"quantity":2.0}]}"#, "`items[1].quantity` must be an integer, got 2"),
    (#"{"items":[{"quantity":1}]}"#, "`items[0].price` is required"),
    (#"{"status":"SHIPPED"}"#, "`status` must be one of PAID, CREATED, got 'SHIPPED'"),
    (#"{"id":true}"#, "`id` must be a string or an integer, got true"),
    (#"{"items":{}}"#, "`items` must be an array, got {}"),
  ])
  func aValueIsWalkedInItsOwnOrder(_ body: String, _ expected: String?) throws {
    let check = APIShapeCheck(schemas: ["Item": Self.item])
    let value = try JSONParser.parse(Array(body.utf8))
    #expect(check.problem(value, shape: Self.shape, path: "")?.details == expected)
  }

  @Test(arguments: [
    ("limit", "10", true), ("limit", "1.5", false), ("force", "", true), ("force", "maybe", false),
    ("amount", "2.5", true), ("amount", "nan", false), ("order", "-id", true), ("order", "name", false),
  ])
  func aQueryParameterIsReadFromItsText(_ name: String, _ text: String, _ accepted: Bool) {
    let shapes: [String: APIShape] = [
      "limit": .integer, "force": .boolean, "amount": .number, "order": .nullable(.string(allowed: ["id", "-id"])),
    ]
    #expect(APIShapeCheck.accepts(text, shapes[name] ?? .any, in: [:]) == accepted)
  }
}
