import Foundation
import SendoutCore
import Testing

/// `load --report` as a user runs it.
@Suite(.timeLimit(.minutes(1))) struct ReportAndUICLITests {
  @Test func loadWritesAnHTMLReportWithThreeChartsAndTheFigures() throws {
    let listen = try LoadCommandTests.ListenProcess()
    let path = NSTemporaryDirectory() + "sendout-report-\(UUID().uuidString).html"
    defer { try? FileManager.default.removeItem(atPath: path) }
    let result = try SendoutBinary.run([
      "load", "--to", "http://127.0.0.1:\(listen.port)/webhooks", "--rate", "200", "--duration", "2s",
      "--secret", "s", "--report", path,
    ])
    _ = listen.stop()
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let html = try String(contentsOfFile: path, encoding: .utf8)
    #expect(html.hasPrefix("<!doctype html>"))
    #expect(html.contains("<title>Load report: http://127.0.0.1:\(listen.port)/webhooks</title>"))
    #expect(html.components(separatedBy: "<svg class=\"chart\"").count - 1 == 3)
    for id in ["throughput", "latency", "distribution"] {
      #expect(html.contains("<title id=\"\(id)-title\">"), "chart \(id)")
      #expect(html.contains("<desc id=\"\(id)-desc\">"), "chart \(id)")
    }
    #expect(html.contains("<td>400 completed in"), "the text report's figures: 200 req/s × 2 s")
    #expect(html.contains("<th scope=\"row\">Latency p99</th>"))
    #expect(html.contains("<td>200: 400</td>"))
    #expect(html.contains("open loop at 200 req/s"))
    #expect(html.contains("class=\"line series-1\" d=\"M"), "the lines have points")
    #expect(!html.contains("<script"))
  }

  @Test func anUnwritableReportPathExits65NamingIt() throws {
    let listen = try LoadCommandTests.ListenProcess()
    let result = try SendoutBinary.run([
      "load", "--to", "http://127.0.0.1:\(listen.port)/", "--count", "5", "--report", "/nonexistent-dir/r.html",
    ])
    _ = listen.stop()
    #expect(result.status == 65, "stderr: \(result.stderr)")
    #expect(result.stderr.contains("/nonexistent-dir/r.html"), "stderr: \(result.stderr)")
  }
}
