import Foundation
import SendoutCore
import Testing

@testable import SendoutSessions

/// `load --report out.html a.json b.json`: saved results drawn overlaid without a run; bad files named.
@Suite struct LoadReportFilesTests {
  static func saved(_ label: String, in directory: String) throws -> String {
    let report = LoadReport(
      target: "http://127.0.0.1:1/", requestedRate: 10, connections: 1, transport: "socket", seconds: 2,
      stats: LoadStats())
    let result = LoadResult(
      report, meta: .init(label: label, command: "sendout load", date: "2026-12-06T00:00:00Z", version: "v"))
    let path = directory + "/\(label).json"
    try result.json(report: report.json).prettyString.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func savedRunsAreDrawnOverlaidAndBadFilesNamed() throws {
    let directory = NSTemporaryDirectory() + "sendout-results-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let files = [try Self.saved("first", in: directory), try Self.saved("second", in: directory)]
    #expect(LoadReportFiles.areResults(files) && !LoadReportFiles.areResults(["voucher.published"]))
    let out = directory + "/out.html"
    let line = try LoadReportFiles.render(files, to: out)
    #expect(line == "Wrote \(out) (2 runs overlaid: first, second)")
    let html = try String(contentsOfFile: out, encoding: .utf8)
    #expect(html.contains("2 runs overlaid: first, second"))
    #expect(throws: SessionError.self) { try LoadReportFiles.render([directory + "/missing.json"], to: out) }
    #expect(throws: SessionError.self) { try LoadReportFiles.render(files + files, to: out) }
  }
}
