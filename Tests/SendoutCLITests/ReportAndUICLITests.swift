import Foundation
import SendoutCore
import Testing

/// `load --report` and `listen --ui` as a user runs them.
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

  @Test func uiOnANonLoopbackHostWarnsThatArrivalsAreVisibleToTheNetwork() throws {
    let process = Process()
    let errors = Pipe()
    let output = Pipe()
    process.executableURL = SendoutBinary.url
    process.arguments = ["listen", "--ui", "--host", "0.0.0.0", "--port", "0"]
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    try process.run()
    var out: [UInt8] = []
    while !out.contains(0x0A) {
      let data = output.fileHandleForReading.availableData
      if data.isEmpty { break }
      out += data
    }
    // The warning is written before the listening line, so it is in the pipe already: one read, no wait for EOF
    // (another test's child process may hold the pipe's write end open).
    let err = String(decoding: errors.fileHandleForReading.availableData, as: UTF8.self)
    process.terminate()
    process.waitUntilExit()
    #expect(err.contains("warning: --ui with --host '0.0.0.0'"), "stderr: \(err)")
    #expect(err.contains("visible to anyone on the network"))
    #expect(String(decoding: out, as: UTF8.self).hasPrefix("Listening on http://0.0.0.0:"))
  }
}
