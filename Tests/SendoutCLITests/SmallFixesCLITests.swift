import Foundation
import Testing

/// Issue 21, item 8 through the built binary: a mistyped audit log or scenario name, the help texts that were wrong,
/// and a busy port, each answered with one line that says what to do.
@Suite(.timeLimit(.minutes(1))) struct SmallFixesCLITests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

  @Test func auditOfAMissingFileIsExit65NamingIt() throws {
    let path = NSTemporaryDirectory() + "sendout-typo-\(UUID().uuidString).jsonl"
    let result = try SendoutBinary.run(["audit", "--audit", path], timeoutSeconds: 20)
    #expect(result.status == 65, "stdout: \(result.stdout) stderr: \(result.stderr)")
    #expect(result.stderr.contains("No audit log at '\(path)'"), "stderr: \(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1)
    #expect(!FileManager.default.fileExists(atPath: path), "reading must not create it")
  }

  @Test func aScenarioGivenWithoutItsExtensionSuggestsTheFile() throws {
    let path = Self.root + "/Scenarios/spring-discounts"
    let result = try SendoutBinary.run(["run", path, "--dry-run"], timeoutSeconds: 20)
    #expect(result.status == 65)
    #expect(result.stderr.contains("did you mean '\(path).json'?"), "stderr: \(result.stderr)")
  }

  @Test func aScenarioNameSuggestsTheFileUnderScenarios() throws {
    guard FileManager.default.fileExists(atPath: "Scenarios/spring-discounts.json") else {
      print("skipped: the tests do not run in the package root (no Scenarios/spring-discounts.json here)")
      return
    }
    let result = try SendoutBinary.run(["run", "spring-discounts", "--dry-run"], timeoutSeconds: 20)
    #expect(result.status == 65)
    #expect(result.stderr.contains("did you mean 'Scenarios/spring-discounts.json'?"), "stderr: \(result.stderr)")
  }

  @Test func renderHelpQuotesTheStringOfDigitsAsTheShellNeedsIt() throws {
    let help = try SendoutBinary.run(["render", "--help"]).stdout
    #expect(!help.contains("\"\"12\"\""), "help: \(help)")
    #expect(help.contains("'\"12\"' for a string of digits"))
  }

  @Test func fireHelpSaysTheTimeoutTakesMilliseconds() throws {
    let help = try SendoutBinary.run(["fire", "--help"]).stdout
    #expect(!help.contains("whole seconds)"), "help: \(help)")
    #expect(help.contains("--timeout D            Per-attempt timeout, e.g. 500ms or 2s"), "help: \(help)")
  }

  @Test(arguments: ["listen", "serve", "dashboard"])
  func aBusyPortSaysHowToPickAnother(command: String) throws {
    let (holder, _, _, port) = try SendoutBinary.startServer(["listen", "--port", "0", "--secret", "s"])
    defer {
      holder.interrupt()
      holder.waitUntilExit()
    }
    try #require(port > 0)
    let arguments =
      [command, "--port", "\(port)"]
      + (command == "listen" ? [] : ["--audit", NSTemporaryDirectory() + "sendout-busy-\(UUID().uuidString).jsonl"])
    let result = try SendoutBinary.run(arguments, timeoutSeconds: 20)
    #expect(result.status != 0)
    #expect(
      result.stderr.contains("127.0.0.1:\(port): the address is in use")
        && result.stderr.contains("give another --port (--port 0 picks a free one)"),
      "stderr: \(result.stderr)")
  }
}
