import Foundation
import SendoutCore
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A secret the user gave never comes back on the screen: `serve` shows only the keys and secret it generated
/// (once, marked so), `load` no URL password in any error, `validate` the `${NAME}` reference, not the value.
@Suite struct GivenSecretsCLITests {
  static let secret = "given-secret-5RtQ"
  static let appToken = "given-app-token-9KwP"
  static let clientToken = "given-client-token-3HzN"

  /// Runs `serve ARGUMENTS`, reads its first screen (up to "Ctrl-C to stop."), calls `probe` with it, stops it and
  /// returns everything it printed.
  static func serve(_ arguments: [String], probe: (String, Int) async throws -> Void = { _, _ in }) async throws
    -> String
  {
    let audit = NSTemporaryDirectory() + "sendout-given-\(UUID().uuidString).jsonl"
    defer { try? FileManager.default.removeItem(atPath: audit) }
    let (process, output, read, port) = try SendoutBinary.startServer(
      ["serve", "--port", "0", "--audit", audit, "--retry-schedule", "none"] + arguments)
    var bytes = read
    while !String(decoding: bytes, as: UTF8.self).contains("Ctrl-C to stop.") {
      let data = output.fileHandleForReading.availableData
      if data.isEmpty { break }
      bytes += data
    }
    do { try await probe(String(decoding: bytes, as: UTF8.self), port) } catch {
      process.terminate()
      throw error
    }
    process.terminate()
    process.waitUntilExit()
    return String(decoding: bytes + output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  }

  @Test func serveNeverPrintsAKeyOrSecretItWasGiven() async throws {
    let screen = try await Self.serve([
      "--secret", Self.secret, "--app-id", "app", "--app-token", Self.appToken, "--client-app-id", "capp",
      "--client-token", Self.clientToken, "--to", "http://127.0.0.1:9/dead",
    ])
    for given in [Self.secret, Self.appToken, Self.clientToken] {
      #expect(!screen.contains(given), "'\(given)' printed:\n\(screen)")
    }
    #expect(screen.contains("X-App-Id: app") && screen.contains("X-Client-Application-Id: capp"), "\(screen)")
    #expect(screen.contains("X-App-Token: as given with --app-token (not shown)"), "\(screen)")
    #expect(screen.contains("signed with the secret given with --secret (not shown)"), "\(screen)")
  }

  @Test func serveShowsTheKeysItGeneratedOnceMarkedGeneratedAndTheyWork() async throws {
    let screen = try await Self.serve(["--app-id", "app", "--to", "http://127.0.0.1:9/dead"]) { screen, port in
      let line = try #require(screen.split(separator: "\n").first { $0.contains("X-App-Token: ") })
      let token = String(line.split(separator: " ").dropFirst().first ?? "")
      #expect(line.hasSuffix("(generated)"), "\(line)")
      var request = URLRequest(url: try #require(URL(string: "http://127.0.0.1:\(port)/v1/customers")))
      request.setValue("app", forHTTPHeaderField: "X-App-Id")
      request.setValue(token, forHTTPHeaderField: "X-App-Token")
      let (_, response) = try await URLSession.shared.data(for: request)
      #expect((response as? HTTPURLResponse)?.statusCode == 200, "the printed token is the key")
    }
    #expect(screen.contains("signed with the generated secret "), "\(screen)")
    #expect(screen.contains("X-Client-Token: ") && screen.contains(" (generated) (/client/v1/…)"), "\(screen)")
    let token = screen.split(separator: "\n").first { $0.contains("X-App-Token: ") }?.split(separator: " ")[1] ?? "-"
    #expect(screen.components(separatedBy: token).count == 2, "the generated token is printed once")
  }

  @Test func serveDoesNotPrintAScenariosProjectSecret() async throws {
    let path = NSTemporaryDirectory() + "sendout-given-scenario-\(UUID().uuidString).json"
    try Data(
      #"{"version": 1, "name": "S", "project": {"secret": "\#(Self.secret)", "webhooks": [{"id": "wh_s"}]}}"#.utf8
    ).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let screen = try await Self.serve(["--scenario", path, "--to", "http://127.0.0.1:9/dead"])
    #expect(!screen.contains(Self.secret), "\(screen)")
    #expect(screen.contains("Scenario 'S'") && screen.contains("(not shown)"), "\(screen)")
  }

  @Test(arguments: [
    "http://user:PASSW0RD-x@127.0.0.1:1/hooks", "http://user:PASSW0RD-x@127.0.0.1:1:2/hooks",
    "ftp://user:PASSW0RD-x@host/hooks", "http://user:PASSW0RD-x@[::1/hooks",
  ])
  func loadNeverPrintsAURLsPassword(url: String) throws {
    for transport in ["socket", "urlsession"] {
      let result = try SendoutBinary.run([
        "load", "--to", url, "--rate", "5", "--duration", "1s", "--secret", "s", "--transport", transport,
        "--timeout", "1s",
      ])
      #expect(!(result.stdout + result.stderr).contains("PASSW0RD"), "\(transport): \(result.stderr)")
      #expect((result.stdout + result.stderr).contains("user@"), "the URL is shown, without its password")
    }
  }

  @Test func validateShowsTheEnvironmentReferenceNotItsValue() throws {
    let path = NSTemporaryDirectory() + "sendout-given-env-\(UUID().uuidString).json"
    try Data(
      #"""
      {"version": 1, "name": "env", "project": {"secret": "${HOOK_SECRET}",
       "webhooks": [{"target_url": "${HOOK_URL}", "events": ["${HOOK_EVENT}"]}]}}
      """#.utf8
    ).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let badURL = try SendoutBinary.run(
      ["validate", path],
      environment: ["HOOK_SECRET": "s", "HOOK_URL": "not a url TOPSECRET-1", "HOOK_EVENT": "voucher.published"])
    #expect(badURL.status == 65)
    #expect(!badURL.stderr.contains("TOPSECRET") && badURL.stderr.contains("'${HOOK_URL}'"), "\(badURL.stderr)")
    let badEvent = try SendoutBinary.run(
      ["validate", path],
      environment: ["HOOK_SECRET": "s", "HOOK_URL": "http://127.0.0.1:9/h", "HOOK_EVENT": "TOPSECRET-2"])
    #expect(badEvent.status == 65)
    #expect(!badEvent.stderr.contains("TOPSECRET") && badEvent.stderr.contains("'${HOOK_EVENT}'"), "\(badEvent.stderr)")
  }
}
