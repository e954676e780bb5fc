import Foundation
import SendoutCore
import SendoutIO
import Testing

/// `--audit` in load mode: one summary line per request, bodies only when asked.
@Suite(.timeLimit(.minutes(1))) struct LoadAuditTests {
  func auditLines(_ path: String) throws -> [JSON] {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { try JSONParser.parse(String($0)) }
  }

  @Test func oneSummaryLinePerRequestMatchingTheListener() async throws {
    let path = NSTemporaryDirectory() + "sendout-load-audit-\(UUID().uuidString).jsonl"
    defer { try? FileManager.default.removeItem(atPath: path) }
    let listener = try LoadTestSupport.listener(ListenerBehavior(failFirst: 10, failStatus: 503))
    defer { listener.stop() }
    var configuration = LoadConfiguration(
      target: LoadTestSupport.target(listener.port), connections: 4, threads: 2, count: 300)
    configuration.auditPath = path
    let (stats, _) = await LoadTestSupport.run(configuration)
    let lines = try auditLines(path)
    #expect(stats.completed == 300)
    #expect(lines.count == 300)
    let ids = lines.compactMap { $0["sendout_id"]?.stringValue }
    #expect(Set(ids).count == 300)
    #expect(Set(ids) == Set(listener.received.compactMap(\.sendoutID)))
    #expect(lines.filter { $0["status"] == "FAILED" }.count == 10)
    #expect(lines.filter { $0["http_status"] == 503 }.count == 10)
    #expect(lines.filter { $0["status"] == "SUCCESS" && $0["http_status"] == 200 }.count == 290)
    #expect(lines.allSatisfy { $0["body"] == nil && $0["error"] == .null })
    #expect(lines.allSatisfy { ($0["latency_ms"]?.doubleValue ?? -1) >= 0 })
    #expect(lines.allSatisfy { ($0["sent_ms"]?.doubleValue ?? -1) >= ($0["intended_ms"]?.doubleValue ?? 0) })
  }

  @Test func bodiesOnlyWhenAskedAndErrorsRecorded() async throws {
    let path = NSTemporaryDirectory() + "sendout-load-audit-\(UUID().uuidString).jsonl"
    defer { try? FileManager.default.removeItem(atPath: path) }
    let listener = try LoadTestSupport.listener(ListenerBehavior(delayMilliseconds: 2000))
    defer { listener.stop() }
    var configuration = LoadConfiguration(
      target: LoadTestSupport.target(listener.port), connections: 2, threads: 1, count: 2, timeoutMilliseconds: 100)
    configuration.auditPath = path
    configuration.auditBodies = true
    _ = await LoadTestSupport.run(configuration)
    let lines = try auditLines(path)
    #expect(lines.count == 2)
    for line in lines {
      #expect(line["status"] == "FAILED")
      #expect(line["error"] == "timeout")
      #expect(line["http_status"] == .null)
      let body = try JSONParser.parse(try #require(line["body"]?.stringValue))
      #expect(body["id"] == line["sendout_id"])
    }
  }
}
