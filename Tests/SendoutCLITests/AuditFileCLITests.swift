import Foundation
import SendoutTestSupport
import Testing

/// Issue 17 through the built binary: every command that takes `--audit` refuses a FIFO, a device or a directory with
/// one line naming the file and what is allowed, exit 65 (a bad input file, as the README's table says), at once.
/// Each run is killed after a bounded time, so a command that blocks on the FIFO (as `fire` and `audit` did) fails.
@Suite struct AuditFileCLITests {
  static let scenario = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Scenarios/at-least-once.json").path

  /// Each command that opens the audit log, given `path` as its `--audit`.
  static func commands(_ path: String) -> [[String]] {
    let nowhere = "http://127.0.0.1:1/"
    return [
      ["fire", "voucher.created", "--to", nowhere, "--retry-schedule", "none", "--audit", path],
      ["run", scenario, "--to", nowhere, "--retry-schedule", "none", "--audit", path],
      ["retry", "--failed", "--audit", path],
      ["audit", "--audit", path],
      ["load", "--to", nowhere, "--count", "1", "--audit", path],
      ["serve", "--port", "0", "--audit", path],
      ["dashboard", "--port", "0", "--audit", path],
    ]
  }

  static func expectRefused(_ arguments: [String], path: String, kind: String) throws {
    let result = try SendoutBinary.run(arguments, timeoutSeconds: 20)
    #expect(result.status == 65, "\(arguments[0]): status \(result.status) (9: killed, it hung); \(result.stderr)")
    #expect(
      result.stderr
        == "error: Audit log '\(path)': is \(kind); it must be a regular file (or a path that does not exist yet)\n",
      "\(arguments[0])")
  }

  @Test(arguments: commands("FIFO").indices)
  func aFIFOIsRefusedByEveryCommandWithoutHanging(_ command: Int) throws {
    let fifo = SpecialFiles.makeFIFO()
    defer { SpecialFiles.remove(fifo) }
    try Self.expectRefused(Self.commands(fifo)[command], path: fifo, kind: "a FIFO (named pipe)")
  }

  @Test(arguments: commands("SOCKET").indices)
  func aSocketOrADirectoryIsRefusedByEveryCommand(_ command: Int) throws {
    let socket = SpecialFiles.makeSocket()
    let directory = SpecialFiles.makeDirectory()
    defer { for path in [socket, directory] { SpecialFiles.remove(path) } }
    try Self.expectRefused(Self.commands(socket)[command], path: socket, kind: "a socket")
    try Self.expectRefused(Self.commands(directory)[command], path: directory, kind: "a directory")
  }

  /// `/dev/zero` only where the old code never read the log (`run`, `load`, `serve`, `dashboard`): elsewhere a
  /// regression would read it until memory ran out instead of failing.
  @Test(arguments: [1, 4, 5, 6])
  func anEndlessDeviceIsRefused(_ command: Int) throws {
    try Self.expectRefused(Self.commands("/dev/zero")[command], path: "/dev/zero", kind: "a character device")
  }
}
