import Foundation
import SendoutCore
import Testing

/// Issue 21, item 8, through the built binary: `--json` on `fire`, `retry` and `validate`; `validate` reports every
/// problem with its line and column; `retry --audit typo` is exit 65; `load EVENT`; `serve`'s documented port.
@Suite(.timeLimit(.minutes(1))) struct JSONAndDefaultsCLITests {
  static func lines(_ text: String) throws -> [JSON] {
    try text.split(separator: "\n").map { try JSONParser.parse(String($0)) }
  }

  @Test func fireJSONIsOneObjectPerSendoutShapedLikeAuditJSON() throws {
    let audit = FireCommandTests.temporaryAuditPath()
    defer { try? FileManager.default.removeItem(atPath: audit) }
    let fired = try SendoutBinary.run(
      ["fire", "voucher.published", "--repeat", "2", "--json", "--audit", audit], timeoutSeconds: 30)
    #expect(fired.status == 0, "stderr: \(fired.stderr)")
    let objects = try Self.lines(fired.stdout)
    #expect(objects.count == 2, "stdout: \(fired.stdout)")
    #expect(objects.allSatisfy { $0["status"] == "SUCCESS" && $0["attempts"] == .int(1) && $0["http_status"] == 200 })
    #expect(fired.stderr.contains("listener ←"), "the usual lines go to standard error")
    let listed = try JSONParser.parse(try SendoutBinary.run(["audit", "--audit", audit, "--json"]).stdout)
    #expect(listed.arrayValue?.map(\.compactString) == objects.map(\.compactString))
  }

  @Test func retryJSONIsOneObjectPerResentSendout() throws {
    let audit = FireCommandTests.temporaryAuditPath()
    defer { try? FileManager.default.removeItem(atPath: audit) }
    let dead = ["--to", "http://127.0.0.1:9/dead", "--retry-schedule", "none", "--secret", "s", "--audit", audit]
    _ = try SendoutBinary.run(["fire", "voucher.published"] + dead, timeoutSeconds: 30)
    let retried = try SendoutBinary.run(["retry", "--failed", "--json", "--audit", audit], timeoutSeconds: 30)
    #expect(retried.status == 1, "stderr: \(retried.stderr)")
    let objects = try Self.lines(retried.stdout)
    #expect(objects.count == 1 && objects[0]["status"] == "FAILED" && objects[0]["attempts"] == .int(2))
    #expect(retried.stderr.contains("0 of 1 delivered"))
  }

  @Test func retryOfAnAuditLogThatDoesNotExistIsExit65NamingIt() throws {
    let path = NSTemporaryDirectory() + "sendout-typo-\(UUID().uuidString).jsonl"
    for arguments in [["--failed"], ["whs_x"]] {
      let result = try SendoutBinary.run(["retry", "--audit", path] + arguments, timeoutSeconds: 20)
      #expect(result.status == 65, "stdout: \(result.stdout) stderr: \(result.stderr)")
      #expect(result.stderr.contains("No audit log at '\(path)'"), "stderr: \(result.stderr)")
    }
    #expect(!FileManager.default.fileExists(atPath: path))
  }

  @Test func validateReportsEveryProblemWithItsLineAndColumn() throws {
    let path = NSTemporaryDirectory() + "sendout-problems-\(UUID().uuidString).json"
    defer { try? FileManager.default.removeItem(atPath: path) }
    try #"""
    {"version": 1, "nme": "x",
     "steps": [{"publish": {"campaign": "spring"}, "count": "two"}],
     "expect": {"all_delivered": "yes"}}
    """#.write(toFile: path, atomically: true, encoding: .utf8)
    let text = try SendoutBinary.run(["validate", path])
    #expect(text.status == 65)
    let errors = text.stderr.split(separator: "\n").filter { $0.hasPrefix("error: ") }
    #expect(
      errors.map { $0.prefix(while: { $0 != "`" }) } == [
        "error: \(path):1:16: at ", "error: \(path):2:48: at ", "error: \(path):3:13: at ",
      ], "stderr: \(text.stderr)")
    #expect(text.stderr.contains("\(path): 3 problems"))
    let json = try SendoutBinary.run(["validate", path, "--json"])
    #expect(json.status == 65)
    let objects = try Self.lines(json.stdout)
    #expect(objects.map { $0["path"]?.stringValue } == ["nme", "steps.0.count", "expect.all_delivered"])
    #expect(
      objects.map { $0["line"] } == [1, 2, 3] && objects[1]["column"] == 48 && objects[0]["file"] == .string(path))
    let valid = try SendoutBinary.run([
      "validate", SmallFixesCLITests.root + "/Scenarios/spring-discounts.json", "--json",
    ])
    #expect(valid.status == 0 && valid.stdout.isEmpty, "stdout: \(valid.stdout) stderr: \(valid.stderr)")
  }

  @Test func loadTakesItsEventsPositionallyAndKeepsEventAsAnAlias() throws {
    let audit = FireCommandTests.temporaryAuditPath()
    defer { try? FileManager.default.removeItem(atPath: audit) }
    for arguments in [["voucher.published"], ["--event", "voucher.published"]] {
      let result = try SendoutBinary.run(
        ["load"] + arguments + ["--count", "2", "--audit", audit, "--audit-bodies"], timeoutSeconds: 30)
      #expect(result.status == 0, "stderr: \(result.stderr)")
      let bodies = try Self.lines(try String(contentsOfFile: audit, encoding: .utf8)).compactMap {
        $0["body"]?.stringValue
      }
      #expect(bodies.count == 2 && bodies.allSatisfy { $0.contains(#""type":"voucher.published""#) }, "\(bodies)")
    }
    let both = try SendoutBinary.run(["load", "voucher.published", "--scenario", "x.json", "--count", "1"])
    #expect(both.status == 64 && both.stderr.contains("not both"), "stderr: \(both.stderr)")
  }

  @Test func serveListensOnItsDocumentedPortWithoutPort() throws {
    let audit = FireCommandTests.temporaryAuditPath()
    defer { try? FileManager.default.removeItem(atPath: audit) }
    let (process, _, read, port) = try SendoutBinary.startServer(["serve", "--audit", audit])
    defer {
      process.interrupt()
      process.waitUntilExit()
    }
    if port == 0 {  // something else holds 8091 on this machine: the refusal names it
      // A server that printed some other first line is still running: stop it rather than wait without end.
      if process.isRunning { process.interrupt() }
      process.waitUntilExit()
      let result = try SendoutBinary.run(["serve", "--audit", audit], timeoutSeconds: 20)
      #expect(
        result.stderr.contains("127.0.0.1:8091: the address is in use"), "\(String(decoding: read, as: UTF8.self))")
    } else {
      #expect(port == 8091, "first line: \(String(decoding: read, as: UTF8.self))")
    }
  }
}
