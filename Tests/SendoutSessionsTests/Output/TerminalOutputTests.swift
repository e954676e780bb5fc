import SendoutCore
import SendoutTestSupport
import Testing

@testable import SendoutSessions

/// Issue 21, item 6, in process: colour only on a terminal and never with NO_COLOR (no-color.org) or TERM=dumb; only
/// whole status words and the error/warning prefixes are coloured; `run`'s status line counts what is done.
@Suite struct TerminalOutputTests {
  static let red = "\u{1B}[31m"
  static let reset = "\u{1B}[0m"

  @Test(
    arguments: [
      (true, [:], true), (false, [:], false), (true, ["NO_COLOR": "1"], false), (true, ["NO_COLOR": ""], true),
      (true, ["TERM": "dumb"], false), (true, ["TERM": "xterm-256color"], true),
    ] as [(Bool, [String: String], Bool)])
  func colourOnlyOnATerminalThatDoesNotRefuseIt(terminal: Bool, environment: [String: String], colours: Bool) {
    #expect(TerminalStyle(isTerminal: terminal, environment: environment).colours == colours)
  }

  @Test func statusWordsAndPrefixesAreColouredAndNothingElse() {
    let style = TerminalStyle(colours: true)
    let line = "attempt 1/1  FAILED    HTTP 500: {\"error\":\"FAILED_X\"}  3 ms"
    #expect(
      style.paint(line) == "attempt 1/1  \(Self.red)FAILED\(Self.reset)    HTTP 500: {\"error\":\"FAILED_X\"}  3 ms")
    #expect(style.paint("attempt 1/13  SUCCESS   HTTP 200").contains("\u{1B}[32mSUCCESS\(Self.reset)"))
    #expect(style.paint("Failed, not FAILEDX nor OKAY") == "Failed, not FAILEDX nor OKAY")
    #expect(style.paint("error: Unknown command").hasPrefix("\(Self.red)error:\(Self.reset) Unknown"))
    #expect(style.paint("✘ expect all_delivered") == "\(Self.red)✘\(Self.reset) expect all_delivered")
    let json = #"{"status":"FAILED"}"#
    #expect(style.paint(json) == json, "a JSON line is for a program")
    #expect(TerminalStyle(colours: false).paint(line) == line)
  }

  @Test func runProgressCountsDoneFailedAndRetryingSendouts() {
    var progress = RunProgress()
    let planned = progress.record(.planned(scenario: "s", count: 3, generatedSecret: nil))
    #expect(planned)
    #expect(progress.line(elapsedSeconds: 0.4) == "run: 0/3 sendouts done, 0s")
    let records = [(1, AuditStatus.retrying), (1, .success), (2, .failed), (3, .retrying)]
    for (n, status) in records {
      let record = AuditRecord(
        sendout: TestSendouts.make(n), status: status, attempt: 1, executedAt: Timestamp(milliseconds: 0),
        outcome: .noResponse(.cancelled))
      let changed = progress.record(.delivery(.recorded(record)))
      #expect(changed)
    }
    let unchanged = progress.record(.warning("w"))
    #expect(!unchanged)
    #expect(progress.line(elapsedSeconds: 75.9) == "run: 2/3 sendouts done (1 delivered, 1 failed), 1 retrying, 1m15s")
  }

  @Test func serveEscapesTheCallsMethodAndPathButKeepsItsArrows() {
    let line = ServeText.lines(
      for: .apiCall(method: "G\u{1B}T", path: "/v1/x\u{1B}[2J\u{202E}", status: 404), json: false)
    #expect(line == ["  api ← G\\u{1B}T /v1/x\\u{1B}[2J\\u{202E} → 404"])
    #expect(
      ServeText.lines(for: .apiCall(method: "GET", path: "/v1/vouchers/A", status: 200), json: false)
        == ["  api ← GET /v1/vouchers/A → 200"])
  }
}
