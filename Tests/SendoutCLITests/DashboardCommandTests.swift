import Foundation
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `sendout dashboard` as a user runs it: the first line is the page's URL, the page answers there, and bad
/// arguments are usage errors.
@Suite struct DashboardCommandTests {
  @Test func theFirstLineIsTheURLToOpenAndThePageAnswersThere() async throws {
    let audit = NSTemporaryDirectory() + "sendout-dashboard-cli-\(UUID().uuidString).jsonl"
    let (process, _, read, port) = try SendoutBinary.startServer(["dashboard", "--audit", audit, "--port", "0"])
    defer {
      process.terminate()
      process.waitUntilExit()
    }
    let firstLine = String(decoding: read.prefix { $0 != 0x0A }, as: UTF8.self)
    #expect(firstLine == "http://127.0.0.1:\(port)/_sendout/")
    let url = try #require(URL(string: firstLine + "api/sendouts"))
    let (data, response) = try await URLSession.shared.data(from: url)
    #expect((response as? HTTPURLResponse)?.statusCode == 200)
    #expect(String(decoding: data, as: UTF8.self).contains(#""total": 0"#))
  }

  @Test(arguments: [["dashboard", "extra"], ["dashboard", "--port", "70000"], ["dashboard", "--bogus"]])
  func badArgumentsAreUsageErrors(arguments: [String]) throws {
    let result = try SendoutBinary.run(arguments)
    #expect(result.status == 64, "\(arguments): \(result.stderr)")
  }

  @Test func helpListsTheCommand() throws {
    let result = try SendoutBinary.run(["--help"])
    #expect(result.stdout.contains("dashboard"))
    let help = try SendoutBinary.run(["dashboard", "--help"])
    #expect(help.status == 0 && help.stdout.contains("USAGE: sendout dashboard"))
  }
}
