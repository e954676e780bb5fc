import Foundation
import SendoutCore
import Testing

/// README.md against the code (issue 21): the Commands table is what the commands say (`sendout help --markdown`),
/// and the Node, Python and PHP signature checks under the first example accept a real sendout and refuse a wrong
/// signature, run by the real interpreters.
@Suite(.timeLimit(.minutes(1))) struct ReadmeCLITests {
  static let readme = (try? String(contentsOfFile: SmallFixesCLITests.root + "/README.md", encoding: .utf8)) ?? ""

  @Test func theCommandsTableIsWhatTheCommandsSay() throws {
    let begin = try #require(Self.readme.range(of: "<!-- commands:begin -->\n"))
    let end = try #require(Self.readme.range(of: "\n<!-- commands:end -->"))
    let generated = try SendoutBinary.run(["help", "--markdown"])
    #expect(generated.status == 0)
    #expect(
      String(Self.readme[begin.upperBound..<end.lowerBound]) + "\n" == generated.stdout,
      "README.md's Commands table is stale: run scripts/gen-commands-table.sh")
    #expect(generated.stdout.contains("| `sendout fire (EVENT \\| --body FILE)` | Deliver one signed webhook"))
  }

  /// The fenced block after the first "```LANGUAGE\n" of the README.
  static func snippet(_ language: String) throws -> String {
    let start = try #require(readme.range(of: "```\(language)\n"), "no \(language) block in README.md")
    let end = try #require(readme.range(of: "\n```", range: start.upperBound..<readme.endIndex))
    return String(readme[start.upperBound..<end.lowerBound])
  }

  @Test(arguments: [
    (
      "js", "/usr/bin/node",
      "\nconst [file, sig, secret, wrong] = process.argv.slice(2); const b = require('fs').readFileSync(file);\n"
        + "process.exit(verify(b, sig, secret) && !verify(b, wrong, secret) && !verify(b, undefined, secret) ? 0 : 1);\n"
    ),
    (
      "python", "python3",
      "\nimport sys\nb = open(sys.argv[1], 'rb').read()\n"
        + "sys.exit(0 if verify(b, sys.argv[2], sys.argv[3]) and not verify(b, sys.argv[4], sys.argv[3]) "
        + "and not verify(b, None, sys.argv[3]) else 1)\n"
    ),
    (
      "php", "/usr/bin/php",
      "\n$b = file_get_contents($argv[1]);\n"
        + "exit(verify($b, $argv[2], $argv[3]) && !verify($b, $argv[4], $argv[3]) && !verify($b, null, $argv[3]) ? 0 : 1);\n"
    ),
  ])
  func theVerificationSnippetAcceptsASendoutAndRefusesAWrongSignature(
    language: String, interpreter: String, harness: String
  ) throws {
    let rendered = try SendoutBinary.run([
      "render", "customer.publication.succeeded", "--set", "data.customer.name=Zoë",
    ])
    try #require(rendered.status == 0, "\(rendered.stderr)")
    let body = Array(rendered.stdoutBytes.dropLast())  // the newline render prints after the body
    let secret = "whsec-ünïcode-1"
    let signature = VoucherifySignature(secret: secret).sign(body)
    let wrong = (signature.first == "0" ? "1" : "0") + signature.dropFirst()  // one hex digit off
    let dir = NSTemporaryDirectory() + "sendout-snippet-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try Data(body).write(to: URL(fileURLWithPath: dir + "/body"))
    let script = dir + "/verify." + language
    try (try Self.snippet(language) + harness).write(toFile: script, atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [interpreter, script, dir + "/body", signature, secret, wrong]
    process.standardOutput = FileHandle.nullDevice
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(language): \(stderr)")
  }
}
