import Foundation
import SendoutAPI
import SendoutCore
import SendoutTestSupport
import Testing

/// The coverage list comes from the endpoint tables: the committed docs/serve-coverage.md and README.md's table are
/// what the code produces (regenerate with scripts/gen-serve-coverage.sh), the tags are the spec's, and the mock
/// answers 501 for exactly the operations the list leaves out.
@Suite struct ServeCoverageTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  func text(_ path: String) throws -> String {
    try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
  }

  @Test func theCommittedDocumentIsWhatTheCodeProduces() throws {
    let committed = try text("docs/serve-coverage.md")
    #expect(
      committed == ServeCoverage.document + "\n", "docs/serve-coverage.md is stale: run scripts/gen-serve-coverage.sh")
  }

  @Test func theReadmeTableIsWhatTheCodeProduces() throws {
    let readme = try text("README.md")
    let begin = try #require(readme.range(of: "<!-- serve-coverage:begin -->\n"))
    let end = try #require(readme.range(of: "\n<!-- serve-coverage:end -->"))
    #expect(
      String(readme[begin.upperBound..<end.lowerBound]) == ServeCoverage.table,
      "README.md's coverage table is stale: run scripts/gen-serve-coverage.sh")
    let simulated = APIOperation.spec.filter { ServeCoverage.simulatedIDs.contains($0.operationID) }.count
    #expect(readme.contains("It simulates \(simulated) of the spec's \(APIOperation.spec.count) operations"))
    // Issue 21: the Commands table said "twenty-seven operations" long after there were 109.
    let commandsRow = try #require(readme.split(separator: "\n").first { $0.hasPrefix("| `sendout serve` |") })
    #expect(
      commandsRow.contains("simulates \(simulated) of the spec's \(APIOperation.spec.count) operations"),
      "README.md's Commands row for serve is stale: run scripts/gen-serve-coverage.sh")
  }

  @Test func theCountsAddUpAndTheTagsAreTheSpecs() throws {
    let spec = try Fixtures.apiSpec()
    var tags: [String: String] = [:]
    for path in spec["paths"]?.objectValue?.members ?? [] {
      for method in ["get", "post", "put", "delete"] {
        guard let operation = path.value[method], let id = operation["operationId"]?.stringValue else { continue }
        tags[id] = operation["tags"]?.arrayValue?.first?.stringValue
      }
    }
    #expect(tags == APIOperation.specTags)
    let listed = ServeCoverage.tags
    #expect(listed.map { $0.simulated.count + $0.notSimulated.count }.reduce(0, +) == APIOperation.spec.count)
    let simulated = listed.flatMap(\.simulated).map(\.operationID)
    #expect(Set(simulated) == ServeCoverage.simulatedIDs)
    #expect(ServeCoverage.summary.hasPrefix("\(simulated.count) of 241 operations"))
    #expect(ServeCoverage.helpText().split(separator: "\n").allSatisfy { $0.count <= 116 })
  }

  /// Every operation of the spec, called with its parameters filled in: those the list leaves out answer 501
  /// `not_implemented` naming the operation; those it lists answer something else (an answer, a 4xx about the
  /// made-up ids, or a 501 about a variant of the body that is not simulated).
  @Test func theMockAnswers501ForExactlyTheOperationsLeftOut() throws {
    let server = try InProcessAPI.served()
    var wrong: [String] = []
    var shadowed: [String] = []
    for operation in APIOperation.spec {
      let path = operation.template.replacingOccurrences(
        of: #"\{[^}]+\}"#, with: "x1", options: .regularExpression)
      // The spec declares `GET /v1/exports/{export_Id}` (download-export) besides `/v1/exports/{exportId}`: a path
      // routes to one operation only, so an operation another one shadows is not called.
      guard case .operation(let routed, _) = APIRouter().match(method: operation.method, path: path),
        routed.operationID == operation.operationID
      else {
        shadowed.append(operation.operationID)
        continue
      }
      let (status, body) = try server.send(
        operation.method, path, body: operation.method == "GET" ? nil : "{}", client: operation.auth == .client)
      let simulated = ServeCoverage.simulatedIDs.contains(operation.operationID)
      let whole =
        status == 501 && body["key"] == "not_implemented"
        && body["details"]?.stringValue?.contains("(\(operation.operationID)) is not simulated") == true
      if simulated == whole {
        wrong.append("\(operation.operationID): \(status) \(body["details"]?.stringValue ?? "")")
      }
    }
    #expect(wrong.isEmpty, "\(wrong)")
    #expect(shadowed == ["download-export"])
  }
}
