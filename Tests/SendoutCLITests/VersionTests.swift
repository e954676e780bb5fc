import Foundation
import Testing

/// `sendout --version`: the version written once in SendoutVersion.swift, the commit a release build was stamped
/// with, and the CHANGELOG naming the same version.
@Suite struct VersionTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// `sendout 1.2.3 (commit …)`: the number and the commit part, or nil when the line has another shape.
  static func parse(_ line: String) -> (number: String, commit: String)? {
    guard line.hasPrefix("sendout "), line.hasSuffix(")\n"), let open = line.range(of: " (commit ") else { return nil }
    let number = String(line[line.index(line.startIndex, offsetBy: 8)..<open.lowerBound])
    let commit = String(line[open.upperBound..<line.index(line.endIndex, offsetBy: -2)])
    let parts = number.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else { return nil }
    return (number, commit)
  }

  @Test func versionNamesTheNumberAndTheCommit() throws {
    let result = try SendoutBinary.run(["--version"])
    #expect(result.status == 0)
    let parsed = try #require(Self.parse(result.stdout), "got \(result.stdout)")
    // The tests run a plain debug build, which scripts/release.sh did not stamp.
    #expect(parsed.commit == "unknown")
  }

  @Test func theChangelogNamesTheVersion() throws {
    let result = try SendoutBinary.run(["--version"])
    let number = try #require(Self.parse(result.stdout)).number
    let changelog = try String(contentsOf: Self.root.appendingPathComponent("CHANGELOG.md"), encoding: .utf8)
    #expect(
      changelog.contains("\n## [\(number)]") || changelog.contains("\nNext release: \(number) "),
      "CHANGELOG.md has neither a '## [\(number)]' heading nor 'Next release: \(number)'")
  }
}
