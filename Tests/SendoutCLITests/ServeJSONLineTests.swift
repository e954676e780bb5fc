import Foundation
import SendoutCore
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `sendout serve --json`: the first line of standard output is one JSON object with the URL (the port chosen for
/// --port 0) and the keys, each secret only when serve generated it; the usual output follows.
@Suite(.timeLimit(.minutes(1))) struct ServeJSONLineTests {
  /// Starts serve with `arguments`, reads its output until `lines` lines arrived, runs `body` with those lines while
  /// serve still runs, then stops it.
  static func withServe(
    _ arguments: [String], lines: Int, _ body: ([String]) async throws -> Void
  ) async throws {
    let audit = FileManager.default.temporaryDirectory.appendingPathComponent("serve-json-\(UUID().uuidString).jsonl")
    defer { try? FileManager.default.removeItem(at: audit) }
    let (process, output, read, _) = try SendoutBinary.startServer(
      ["serve", "--port", "0", "--json", "--audit", audit.path] + arguments)
    defer {
      process.terminate()
      process.waitUntilExit()
    }
    var bytes = read
    while bytes.filter({ $0 == 0x0A }).count < lines {
      let data = output.fileHandleForReading.availableData
      if data.isEmpty { break }
      bytes += data
    }
    try await body(String(decoding: bytes, as: UTF8.self).split(separator: "\n").prefix(lines).map(String.init))
  }

  static func object(_ line: String) throws -> JSONObject {
    try #require(try JSONParser.parse(Array(line.utf8)).objectValue, "not a JSON object: \(line)")
  }

  @Test func givenSecretsAreLeftOutAndTheURLAnswers() async throws {
    let given = [
      "--app-id", "app", "--app-token", "given-token", "--secret", "given-secret", "--client-token", "given-c",
    ]
    try await Self.withServe(given, lines: 1) { lines in
      let info = try Self.object(try #require(lines.first))
      #expect(info.keys == ["url", "app_id", "client_app_id", "webhook_url", "audit"])
      #expect(info["app_id"] == "app")
      #expect(!lines[0].contains("given-"), "a secret the caller gave is printed: \(lines[0])")
      let base = try #require(info["url"]?.stringValue)
      var request = URLRequest(url: try #require(URL(string: base + "/v1/customers")))
      request.setValue("app", forHTTPHeaderField: "X-App-Id")
      request.setValue("given-token", forHTTPHeaderField: "X-App-Token")
      let (_, response) = try await URLSession.shared.data(for: request)
      #expect((response as? HTTPURLResponse)?.statusCode == 200)
    }
  }

  @Test func generatedSecretsAreInTheLineAndTheUsualOutputFollows() async throws {
    try await Self.withServe([], lines: 4) { lines in
      let info = try Self.object(try #require(lines.first))
      #expect(
        info.keys == ["url", "app_id", "app_token", "client_app_id", "client_token", "secret", "webhook_url", "audit"])
      #expect(lines.count == 4 && lines[1].hasPrefix("Mock Voucherify API on "))
      let token = try #require(info["app_token"]?.stringValue)
      #expect(lines.dropFirst().contains { $0.hasPrefix("  X-App-Token: \(token)") }, "the usual lines: \(lines)")
    }
  }
}
