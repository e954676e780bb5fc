import SendoutCore
import Testing

@testable import SendoutAPI

/// The simulated operations are the union of per-domain tables: each `operationId` is simulated once, and each is an
/// operation of the spec.
@Suite struct APIEndpointTableTests {
  @Test func everySimulatedOperationIsInOneTableAndInTheSpec() {
    let tables = APIEndpoints.tables
    #expect(tables.map(\.count).reduce(0, +) == APIEndpoints.all.count, "an operationId is in two tables")
    let spec = Set(APIOperation.spec.map(\.operationID))
    let unknown = Set(APIEndpoints.all.keys).union(APIManagement.all.keys).subtracting(spec)
    #expect(unknown.isEmpty, "not operations of the spec: \(unknown.sorted())")
  }
}
