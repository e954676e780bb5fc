import Foundation
import SendoutCore
import Testing

/// Issue 21, item 6, through the built binary: `fire` in at most five short lines (`-v` for the rest), colour only on
/// a terminal and never with NO_COLOR, `run`'s status line on a terminal only, and `load --report` saying it wrote.
@Suite(.timeLimit(.minutes(1))) struct QuietOutputCLITests {
  /// What `sendout arguments…` shows on a pseudo-terminal (util-linux `script`), stdout and stderr as one screen.
  static func onTerminal(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
    try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "util-linux 'script' is needed")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
    let quoted = ([SendoutBinary.url.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
    process.arguments = ["-qec", quoted, "/dev/null"]
    var env = ProcessInfo.processInfo.environment
    env["CI"] = nil
    env["NO_COLOR"] = nil
    env["TERM"] = "xterm"
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  @Test func aDeliveredFireIsAtMostFiveShortLinesAndVerboseShowsTheRest() throws {
    let audit = FireCommandTests.temporaryAuditPath()
    defer { try? FileManager.default.removeItem(atPath: audit) }
    let short = try SendoutBinary.run(["fire", "voucher.published", "--audit", audit], timeoutSeconds: 30)
    #expect(short.status == 0, "stderr: \(short.stderr)")
    let lines = short.stdout.split(separator: "\n")
    #expect(lines.count <= 5, "stdout: \(short.stdout)")
    #expect(lines.allSatisfy { $0.count <= 120 }, "stdout: \(short.stdout)")
    #expect(lines.contains { $0.contains("listener ←") && $0.contains("signature valid") })
    #expect(lines.contains { $0.hasPrefix("attempt 1/13  SUCCESS") })
    #expect(!short.stdout.contains("render this again") && !short.stdout.contains("Retry schedule"))
    let verbose = try SendoutBinary.run(["fire", "voucher.published", "-v", "--audit", audit], timeoutSeconds: 30)
    #expect(verbose.status == 0, "stderr: \(verbose.stderr)")
    #expect(verbose.stdout.contains("render this again with --seed ") && verbose.stdout.contains("Retry schedule: "))
  }

  @Test func statusWordsAreColouredOnATerminalOnlyAndNeverWithNoColor() throws {
    let audit = FireCommandTests.temporaryAuditPath()
    defer { try? FileManager.default.removeItem(atPath: audit) }
    let arguments =
      ["fire", "voucher.published", "--to", "http://127.0.0.1:9/dead", "--retry-schedule", "none"]
      + ["--audit", audit]
    let coloured = try Self.onTerminal(arguments)
    #expect(coloured.contains("\u{1B}[31mFAILED\u{1B}[0m"), "screen: \(coloured.debugDescription)")
    #expect(coloured.contains("\u{1B}[31merror:\u{1B}[0m"), "screen: \(coloured.debugDescription)")
    let plain = try Self.onTerminal(arguments, environment: ["NO_COLOR": "1"])
    #expect(plain.contains("FAILED") && !plain.contains("\u{1B}["), "screen: \(plain.debugDescription)")
    let piped = try SendoutBinary.run(arguments, timeoutSeconds: 30)
    #expect(piped.stdout.contains("FAILED") && !(piped.stdout + piped.stderr).contains("\u{1B}["))
  }

  @Test func runShowsAStatusLineOnATerminalOnly() throws {
    let audit = FireCommandTests.temporaryAuditPath()
    defer { try? FileManager.default.removeItem(atPath: audit) }
    let scenario = SmallFixesCLITests.root + "/Scenarios/spring-discounts.json"
    let screen = try Self.onTerminal(["run", scenario, "--audit", audit])
    #expect(screen.contains("run: 12/12 sendouts done (12 delivered)"), "screen: \(screen)")
    #expect(screen.contains("\r\u{1B}[K"), "the line rewrites itself")
    let piped = try SendoutBinary.run(["run", scenario, "--audit", audit + "2"], timeoutSeconds: 30)
    defer { try? FileManager.default.removeItem(atPath: audit + "2") }
    #expect(piped.status == 0, "stderr: \(piped.stderr)")
    #expect(!(piped.stdout + piped.stderr).contains("sendouts done"))
  }

  @Test func loadSaysWhereItWroteItsReportAndHistogram() throws {
    let dir = NSTemporaryDirectory() + "sendout-wrote-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let result = try SendoutBinary.run(
      ["load", "--count", "3", "--report", dir + "/x.html", "--histogram", dir + "/h.txt"], timeoutSeconds: 30)
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stderr.contains("Wrote \(dir)/x.html\n") && result.stderr.contains("Wrote \(dir)/h.txt\n"))
    #expect(FileManager.default.fileExists(atPath: dir + "/x.html"))
  }
}
