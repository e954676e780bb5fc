import Foundation
import SendoutCore
import Testing

@Suite struct FireCommandTests {
  static func temporaryAuditPath() -> String {
    NSTemporaryDirectory() + "sendout-fire-\(UUID().uuidString).jsonl"
  }

  /// The README's main job: no --to, so the built-in receiver starts in-process and checks the signature.
  @Test func withoutATargetTheBuiltInReceiverGetsItSignedAndVerified() throws {
    let audit = Self.temporaryAuditPath()
    defer { try? FileManager.default.removeItem(atPath: audit) }
    let result = try SendoutBinary.run(["fire", "customer.publication.succeeded", "--audit", audit])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stdout.contains("Built-in listener on http://127.0.0.1:"))  // "Started the …" with -v (issue 21)
    #expect(result.stdout.contains("customer.publication.succeeded"))
    #expect(result.stdout.contains("signature valid"))
    #expect(result.stdout.contains("SUCCESS"))
    let lines = try String(contentsOfFile: audit, encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 1)
    let record = try JSONParser.parse(String(lines[0]))
    #expect(record["status"] == "SUCCESS")
    #expect(record["event_type"] == "customer.publication.succeeded")
    #expect(record["http_status"] == 200)
  }

  @Test func distributionOptionsAreHonoured() throws {
    let audit = Self.temporaryAuditPath()
    defer { try? FileManager.default.removeItem(atPath: audit) }
    let result = try SendoutBinary.run([
      "fire", "customer.segment.entered", "--purpose", "plain_message", "--event-name", "Segment-in", "--audit", audit,
    ])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let record = try JSONParser.parse(
      String(try String(contentsOfFile: audit, encoding: .utf8).split(separator: "\n")[0]))
    #expect(record["type"] == "Segment-in")
    let body = try JSONParser.parse(try #require(record["body"]?.stringValue))
    #expect(body["data"]?.objectValue?.keys == ["customer", "segment"])
  }
}
