import SendoutAPI
import SendoutCore
import Testing

/// Each operation that answers 501 says why in one line: in `sendout serve --coverage` (docs/serve-coverage.md) and
/// in the 501's `details`; a reason for an operation that is simulated, or not in the spec, is stale.
@Suite struct ServeCoverageReasonsTests {
  @Test func everyReasonIsOneLineForAnOperationThatAnswers501() {
    let spec = Set(APIOperation.spec.map(\.operationID))
    let stale = APIOperation.reasons.keys.filter { ServeCoverage.simulatedIDs.contains($0) || !spec.contains($0) }
    #expect(stale.isEmpty, "reasons for operations that are simulated or not in the spec: \(stale.sorted())")
    let bad = APIOperation.reasons.filter { $0.value.isEmpty || $0.value.contains("\n") || $0.value.contains("|") }
    #expect(bad.isEmpty, "\(bad)")
  }

  @Test func theCoverageDocumentGivesEach501ItsReason() {
    let document = ServeCoverage.document
    let unsimulated = ServeCoverage.tags.flatMap(\.notSimulated).map(\.operationID)
    let missing = unsimulated.filter { !document.contains("| `\($0)` | \(APIOperation.reason($0)) |") }
    #expect(missing.isEmpty && !unsimulated.isEmpty, "\(missing)")
    #expect(document.contains("| `get-location` | locations are drawn in the dashboard"))
  }

  @Test func a501SaysWhy() throws {
    let server = try InProcessAPI.served()
    let (status, error) = try server.send("GET", "/v1/locations/loc_1")
    #expect(status == 501 && error["key"] == "not_implemented")
    #expect(error["details"]?.stringValue?.hasSuffix(": \(APIOperation.reason("get-location"))") == true, "\(error)")
  }
}
