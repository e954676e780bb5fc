import Foundation
import SendoutCore
import Testing

/// `sendout load` run as a user would, against `sendout listen` started by the test.
@Suite(.timeLimit(.minutes(1))) struct LoadCommandTests {
  /// `sendout listen --port 0` in a child process, with the port it printed.
  final class ListenProcess {
    let process: Process
    let output: Pipe
    let port: Int
    let firstLine: String

    init() throws {
      // "Listening on http://127.0.0.1:PORT (signatures checked). Ctrl-C to stop."
      let started = try SendoutBinary.startServer(["listen", "--port", "0", "--secret", "s"])
      (process, output, pending, port) = started
      firstLine = String(decoding: started.read, as: UTF8.self)
    }

    private var pending: [UInt8]

    /// Stops it (Ctrl-C) and returns every line it printed.
    func stop() -> [String] {
      process.interrupt()
      let rest = output.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      return String(decoding: pending + Array(rest), as: UTF8.self).split(separator: "\n").map(String.init)
    }
  }

  @Test func closedLoopReportMatchesWhatTheListenerPrinted() throws {
    let listen = try ListenProcess()
    #expect(listen.port > 0, "first line: \(listen.firstLine)")
    let result = try SendoutBinary.run([
      "load", "--to", "http://127.0.0.1:\(listen.port)/", "--count", "200", "--secret", "s", "--json",
    ])
    let lines = listen.stop()
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let report = try JSONParser.parse(result.stdout)
    #expect(report["requests"] == 200)
    #expect(report["succeeded"] == 200)
    #expect(report["status_codes"]?["200"] == 200)
    #expect(report["transport"] == "socket")
    let received = lines.filter { $0.contains("POST /") }
    #expect(received.count == 200)
    #expect(received.allSatisfy { $0.contains("signature valid") && $0.contains("→ 200") })
  }

  @Test func anUnresolvableHostIsOneLineAndExit64() throws {
    let result = try SendoutBinary.run(
      ["load", "--to", "http://no-such-host.invalid:3000/", "--count", "5"], timeoutSeconds: 20)
    #expect(result.status == 64, "stderr: \(result.stderr)")
    #expect(result.stderr.contains("cannot resolve the host name 'no-such-host.invalid'"), "stderr: \(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1, "stderr: \(result.stderr)")
  }

  @Test func anUnmetP99ThresholdExitsOne() throws {
    let listen = try ListenProcess()
    let result = try SendoutBinary.run([
      "load", "--to", "http://127.0.0.1:\(listen.port)/", "--count", "50", "--max-p99", "0.001ms",
    ])
    _ = listen.stop()
    #expect(result.status == 1)
    #expect(result.stderr.contains("p99 latency"), "stderr: \(result.stderr)")
    #expect(result.stderr.contains("over the limit of"))
    #expect(result.stdout.contains("Throughput"), "the report is still printed")
  }

  @Test(arguments: [
    (["--count", "0"], "--count"),
    (["--count", "10", "--connections", "zero"], "zero"),
    (["--rate", "-5", "--duration", "1s"], "--rate"),
    (["--count", "10", "--transport", "carrier-pigeon"], "carrier-pigeon"),
    (["--rate", "100"], "--rate needs --duration"),
    ([String](), "--duration"),
    (["--to", "ftp://example.com/", "--count", "1"], "ftp://example.com/"),
  ])
  func badFlagsExit64WithAMessage(arguments: [String], quoted: String) throws {
    let result = try SendoutBinary.run(["load"] + arguments)
    #expect(result.status == 64, "stdout: \(result.stdout) stderr: \(result.stderr)")
    #expect(result.stderr.contains(quoted), "stderr: \(result.stderr)")
  }
}

extension LoadCommandTests {
  @Test func auditWritesOneLinePerRequest() throws {
    let path = NSTemporaryDirectory() + "sendout-load-cli-audit-\(UUID().uuidString).jsonl"
    defer { try? FileManager.default.removeItem(atPath: path) }
    let listen = try ListenProcess()
    let result = try SendoutBinary.run([
      "load", "--to", "http://127.0.0.1:\(listen.port)/", "--count", "120", "--audit", path,
    ])
    _ = listen.stop()
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 120)
    let first = try JSONParser.parse(String(lines[0]))
    #expect(first["status"] == "SUCCESS")
    #expect(first["sendout_id"]?.stringValue?.hasPrefix("whs_") == true)
    #expect(first["body"] == nil)

    let table = try SendoutBinary.run(["audit", "--audit", path])
    #expect(table.status == 0, "stderr: \(table.stderr)")
    #expect(table.stdout.contains("120 load requests from"))
    #expect(table.stdout.split(separator: "\n").filter { $0.hasPrefix("SUCCESS  whs_") }.count == 120)
    let failed = try SendoutBinary.run(["audit", "--audit", path, "--status", "FAILED", "--json"])
    #expect(try JSONParser.parse(failed.stdout).arrayValue?.isEmpty == true)
  }

  @Test func auditBodiesWithoutAuditIsAUsageError() throws {
    let result = try SendoutBinary.run(["load", "--count", "1", "--audit-bodies"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("--audit-bodies needs --audit FILE"))
  }
}

extension LoadCommandTests {
  @Test func scenarioAndEventTogetherIsAUsageError() throws {
    let result = try SendoutBinary.run(["load", "--count", "1", "--scenario", "x.json", "--event", "voucher.created"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("either --event or --scenario 'x.json'"))
  }

  @Test func aMissingScenarioFileExits65() throws {
    let result = try SendoutBinary.run(["load", "--count", "1", "--scenario", "/nonexistent/s.json"])
    #expect(result.status == 65)
    #expect(result.stderr.contains("/nonexistent/s.json"))
  }
}
