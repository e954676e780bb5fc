import Foundation
import SendoutCore
import SendoutTestSupport
import Testing

@Suite struct SnapshotTests {
  /// A golden file committed under Tests/SendoutCoreTests/Snapshots/.
  @Test func prettyJSONMatchesItsGoldenFile() throws {
    let value: JSON = [
      "id": "whs_0e16e42bc6e0c65b57", "created_at": "2024-01-01T11:11:11.111Z",
      "data": ["amount": 1000, "ratio": 0.25, "tags": ["a", "b"], "metadata": [:], "note": nil],
    ]
    try Snapshot.assert(value.prettyString, named: "json-writer-pretty.json")
  }

  @Test func directoryIsTheTargetsSnapshotsFolder() {
    let url = Snapshot.directory(forTestFile: "/repo/Tests/SendoutCoreTests/JSON/Deep/FooTests.swift")
    #expect(url.path == "/repo/Tests/SendoutCoreTests/Snapshots")
  }

  @Test func missingGoldenIsRecordedAndReportedThenPasses() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("snapshot-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let testFile = root.appendingPathComponent("Tests/SomeTests/XTests.swift").path
    #expect(throws: Snapshot.Mismatch.self) {
      try Snapshot.assert("a\nb\n", named: "x.txt", record: false, filePath: testFile)
    }
    let golden = root.appendingPathComponent("Tests/SomeTests/Snapshots/x.txt")
    #expect(try String(contentsOf: golden, encoding: .utf8) == "a\nb\n")
    try Snapshot.assert("a\nb\n", named: "x.txt", record: false, filePath: testFile)
    #expect {
      try Snapshot.assert("a\nc\n", named: "x.txt", record: false, filePath: testFile)
    } throws: { error in
      (error as? Snapshot.Mismatch)?.description.contains("-b\n+c") == true
    }
    try Snapshot.assert("a\nc\n", named: "x.txt", record: true, filePath: testFile)
    #expect(try String(contentsOf: golden, encoding: .utf8) == "a\nc\n")
  }

  @Test func diffIsCompactWithContext() {
    let old = (1...20).map { "line \($0)" }.joined(separator: "\n")
    var lines = (1...20).map { "line \($0)" }
    lines[4] = "LINE 5"
    lines.insert("new", at: 15)
    let diff = Snapshot.diff(old, lines.joined(separator: "\n"))
    #expect(
      diff == """
        @@ line 4
         line 4
        -line 5
        +LINE 5
         line 6
        @@ line 15
         line 15
        +new
         line 16
        """)
  }

  @Test func diffOfEqualTextIsEmpty() {
    #expect(Snapshot.diff("a\nb", "a\nb") == "")
  }
}
