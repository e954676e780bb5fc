import Foundation
import Testing

/// `sendout load` on a terminal: the live progress line (stderr, rewritten with `\r`) is ended before the
/// report, so the report's first line starts a line of its own. The terminal is a pseudo-terminal made by
/// util-linux `script`, where stdout and stderr share one screen as they do for a user.
@Suite(.timeLimit(.minutes(1))) struct LoadProgressLineTests {
  @Test func theReportStartsOnItsOwnLineAfterTheProgressLine() throws {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
      Issue.record("util-linux 'script' is needed to give sendout a terminal")
      return
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
    // About 1.6 s of open-loop load against the built-in listener: at least one progress tick (once a second).
    let command = "'\(SendoutBinary.url.path)' load --rate 100 --duration 1600ms"
    process.arguments = ["-qec", command, "/dev/null"]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let screen = String(decoding: data, as: UTF8.self)
    #expect(process.terminationStatus == 0, "screen: \(screen)")
    #expect(screen.contains("req/s  p99"), "no progress line was shown: \(screen)")
    let report = try #require(screen.range(of: "Target      "), "no report: \(screen)")
    let before = screen[..<report.lowerBound]
    // The pty turns "\n" into "\r\n" (one Character in Swift), so look at the last scalar.
    #expect(before.unicodeScalars.last == "\n", "the report is glued to: \(before.suffix(80).debugDescription)")
  }
}
