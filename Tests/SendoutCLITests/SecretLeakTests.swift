import Foundation
import SendoutCore
import Testing

/// Secrets and authorization-like header values never reach stdout, stderr, the audit log or reports:
/// every delivery command runs for real against a `sendout listen` and everything it leaves is grepped.
@Suite(.serialized) struct SecretLeakTests {
  static let secret = "sekrit-Q7f3Zp9LkW"
  static let token = "tok-8XvYr2Hn5Mq"
  static let scenarioSecret = "proj-sekrit-4TgB1nVc"
  static let scenarioToken = "proj-tok-6JmK0sDa"

  @Test func noCommandLeaksSecretsOrAuthorizationValues() throws {
    let directory = NSTemporaryDirectory() + "sendout-secrets-\(UUID().uuidString)/"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let log = directory + "audit.jsonl"
    let junit = directory + "report.xml"
    let listener = try ListenProcess(["--secret", Self.secret])
    let target = "http://127.0.0.1:\(listener.port)/hooks"
    var outputs: [(String, String)] = []
    func run(_ arguments: [String]) throws -> SendoutBinary.Result {
      let result = try SendoutBinary.run(arguments)
      outputs.append(("stdout of \(arguments.prefix(2))", result.stdout))
      outputs.append(("stderr of \(arguments.prefix(2))", result.stderr))
      return result
    }

    let fire = try run([
      "fire", "customer.publication.succeeded", "--to", target, "--secret", Self.secret,
      "--header", "authorization: Bearer \(Self.token)", "--audit", log, "--retry-schedule", "none",
    ])
    #expect(fire.status == 0, Comment(rawValue: fire.stdout + fire.stderr))
    // A sendout to a closed port fails, so `retry --failed` has something to resend.
    let dead = try run([
      "fire", "voucher.published", "--to", "http://127.0.0.1:1/dead", "--secret", Self.secret,
      "--header", "authorization: Bearer \(Self.token)", "--audit", log, "--retry-schedule", "none", "--timeout", "1s",
    ])
    #expect(dead.status == 1)

    let scenario = directory + "scenario.json"
    try Data(Self.scenarioText(target: target).utf8).write(to: URL(fileURLWithPath: scenario))
    let scenarioRun = try run(["run", scenario, "--audit", log, "--junit", junit, "--retry-schedule", "none"])
    #expect(scenarioRun.status == 0, Comment(rawValue: scenarioRun.stdout + scenarioRun.stderr))
    _ = try run(["run", scenario, "--audit", log, "--json", "--retry-schedule", "none"])
    _ = try run(["run", scenario, "--dry-run"])
    _ = try run(["run", scenario, "--dry-run", "--json"])
    _ = try run([
      "render", "customer.publication.succeeded", "--request", "--secret", Self.secret,
      "--header", "authorization: Bearer \(Self.token)",
    ])
    _ = try run(["audit", "--audit", log])
    _ = try run(["audit", "--audit", log, "--json"])
    let retry = try run([
      "retry", "--failed", "--audit", log, "--to", target, "--secret", Self.secret,
      "--header", "authorization: Bearer \(Self.token)",
    ])
    #expect(retry.status == 0, Comment(rawValue: retry.stdout + retry.stderr))

    let received = listener.stop()
    #expect(received.count >= 4)
    outputs.append(("listener output", received.map(\.compactString).joined(separator: "\n")))
    outputs.append(("audit log", try String(contentsOfFile: log, encoding: .utf8)))
    outputs.append(("JUnit report", try String(contentsOfFile: junit, encoding: .utf8)))
    for (name, text) in outputs {
      for needle in [Self.secret, Self.token, Self.scenarioSecret, Self.scenarioToken] {
        #expect(!text.contains(needle), "\(name) contains '\(needle)'")
      }
    }
    let auditText = try String(contentsOfFile: log, encoding: .utf8)
    #expect(auditText.contains("x-voucherify-signature"), "the signature is recorded")
  }

  static func scenarioText(target: String) -> String {
    """
    {
      "version": 1, "name": "secrets", "seed": 3,
      "project": {
        "secret": "\(scenarioSecret)",
        "webhooks": [{"target_url": "\(target)", "events": ["customer.created"],
                      "headers": {"authorization": "Bearer \(scenarioToken)", "x-api-key": "\(scenarioToken)"}}]
      },
      "steps": [{"customer_create": {"name": "Ann"}}, {"customer_create": {"name": "Bob"}}]
    }
    """
  }
}
