import Foundation
import SendoutCore
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `sendout serve --scenario FILE` through the binary: a bad file exits 65 naming file and line:column (as
/// `sendout run` does); a good one is served, its first screen says so, and its world answers calls.
@Suite(.timeLimit(.minutes(1))) struct ServeScenarioCLITests {
  @Test func aBadScenarioExits65NamingTheFileAndPosition() throws {
    let path = NSTemporaryDirectory() + "sendout-serve-bad-\(UUID().uuidString).json"
    try Data("{\n  \"version\": 1,\n  \"name\": \n}".utf8).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let served = try SendoutBinary.run(["serve", "--port", "0", "--scenario", path])
    #expect(served.status == 65, "\(served.stderr)")
    #expect(served.stderr.contains("\(path):4:"), "file and line:column: \(served.stderr)")
    let ran = try SendoutBinary.run(["run", path, "--to", "http://127.0.0.1:9/x"])
    #expect(ran.status == 65)
    #expect(served.stderr == ran.stderr, "the same message as sendout run")
  }

  @Test func aScenarioIsServedAndItsWorldAnswers() async throws {
    let path = NSTemporaryDirectory() + "sendout-serve-scenario-\(UUID().uuidString).json"
    let audit = NSTemporaryDirectory() + "sendout-serve-scenario-audit-\(UUID().uuidString).jsonl"
    let scenario = #"""
      {"version": 1, "name": "CLI scenario", "seed": 4, "start": "2024-03-13T13:00:00.000Z",
       "project": {"secret": "cli-secret", "webhooks": [{"id": "wh_cli"}]},
       "world": {"campaigns": [{"key": "c", "name": "CLI Campaign", "type": "DISCOUNT_COUPONS",
                               "discount": {"type": "AMOUNT", "amount_off": 500}, "vouchers_count": 2}]},
       "steps": []}
      """#
    try Data(scenario.utf8).write(to: URL(fileURLWithPath: path))
    defer {
      try? FileManager.default.removeItem(atPath: path)
      try? FileManager.default.removeItem(atPath: audit)
    }
    let (process, output, read, port) = try SendoutBinary.startServer([
      "serve", "--port", "0", "--scenario", path, "--app-id", "app", "--app-token", "token",
      "--to", "http://127.0.0.1:9/dead", "--retry-schedule", "none", "--audit", audit,
    ])
    defer {
      process.terminate()
      process.waitUntilExit()
    }
    #expect(port > 0)
    var request = URLRequest(url: try #require(URL(string: "http://127.0.0.1:\(port)/v1/campaigns")))
    request.setValue("app", forHTTPHeaderField: "X-App-Id")
    request.setValue("token", forHTTPHeaderField: "X-App-Token")
    let (data, response) = try await URLSession.shared.data(for: request)
    #expect((response as? HTTPURLResponse)?.statusCode == 200)
    let names = try JSONParser.parse(Array(data))["campaigns"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
    #expect(names == ["CLI Campaign"])
    process.terminate()
    process.waitUntilExit()
    let screen = String(decoding: read + output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(screen.contains("Scenario 'CLI scenario' (\(path), seed 4)"), "\(screen)")
    #expect(!screen.contains("cli-secret"), "a scenario's project secret is the user's: never printed\n\(screen)")
  }
}
