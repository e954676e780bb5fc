import Foundation
import SendoutCore
import Testing

/// `--set`/`--unset`/`--set-new` on `render` and `fire`, and `fire --body` (issue 12 §2), through the binary.
@Suite struct OverrideCLITests {
  @Test func renderSetsValuesAndSignsTheFinalBytes() throws {
    let result = try SendoutBinary.run([
      "render", "customer.order.paid", "--secret", "s", "--request", "--set", "data.customer.email=dev@example.com",
      "--set", "data.order.amount=12900", "--unset", "data.order.metadata",
    ])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let request = try JSONParser.parse(result.stdout)
    let body = try #require(request["body"]?.stringValue)
    let json = try JSONParser.parse(body)
    #expect(json.value(atPath: "data.customer.email") == "dev@example.com")
    #expect(json.value(atPath: "data.order.amount") == 12900)
    #expect(json.value(atPath: "data.order")?["metadata"] == nil)
    let signature = request.value(atPath: "headers.x-voucherify-signature")?.stringValue
    #expect(signature == VoucherifySignature(secret: "s").sign(Array(body.utf8)))
  }

  @Test func aMissingPathExits64NamingTheParentUnlessSetNew() throws {
    let missing = try SendoutBinary.run(["render", "customer.order.paid", "--set", "data.customer.nickname=Al"])
    #expect(missing.status == 64)
    #expect(missing.stderr.contains("'data.customer' has no key 'nickname'"), "stderr: \(missing.stderr)")
    let created = try SendoutBinary.run([
      "render", "customer.order.paid", "--set", "data.customer.nickname=Al", "--set-new",
    ])
    #expect(created.status == 0, "stderr: \(created.stderr)")
    #expect(try JSONParser.parse(created.stdout).value(atPath: "data.customer.nickname") == "Al")
  }

  @Test func fireSendsTheEditedBodyAndTheListenerVerifiesIt() throws {
    let audit = FireCommandTests.temporaryAuditPath()
    defer { try? FileManager.default.removeItem(atPath: audit) }
    let result = try SendoutBinary.run([
      "fire", "voucher.published", "-v", "--set", "data.voucher.code=CLI-EDIT", "--audit", audit,
    ])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stdout.contains("signature valid"))
    #expect(result.stdout.contains("--set 'data.voucher.code=\"CLI-EDIT\"'"), "the render line repeats the edit")
    let record = try JSONParser.parse(try String(contentsOfFile: audit, encoding: .utf8))
    #expect(try JSONParser.parse(record["body"]?.stringValue ?? "").value(atPath: "data.voucher.code") == "CLI-EDIT")
  }

  @Test func fireBodyFromAFileAndFromStandardInput() throws {
    let audit = FireCommandTests.temporaryAuditPath()
    let file = NSTemporaryDirectory() + "sendout-body-\(UUID().uuidString).json"
    defer {
      try? FileManager.default.removeItem(atPath: audit)
      try? FileManager.default.removeItem(atPath: file)
    }
    let text = "{\"type\": \"ping\",\n  \"n\": 1}\n"
    try text.write(toFile: file, atomically: true, encoding: .utf8)
    let fromFile = try SendoutBinary.run(["fire", "--body", file, "--audit", audit])
    #expect(fromFile.status == 0, "stderr: \(fromFile.stderr)")
    #expect(fromFile.stdout.contains("signature valid"))
    let fromStdin = try SendoutBinary.run(
      ["fire", "--body", "-", "--audit", audit], input: Array("[1, 2, 3]".utf8))
    #expect(fromStdin.status == 0, "stderr: \(fromStdin.stderr)")
    let records = try String(contentsOfFile: audit, encoding: .utf8).split(separator: "\n").map {
      try JSONParser.parse(String($0))
    }
    #expect(records.map { $0["event_type"] } == ["ping", "custom"])
    #expect(records.map { $0["body"] } == [.string(text), "[1, 2, 3]"], "sent exactly as written")
    #expect(records[0]["sendout_id"] != records[1]["sendout_id"])
  }

  @Test func aBodyThatIsNotJSONExits65WithLineAndColumn() throws {
    let file = NSTemporaryDirectory() + "sendout-bad-body-\(UUID().uuidString).json"
    defer { try? FileManager.default.removeItem(atPath: file) }
    try "{\"a\": 1,\n \"b\": }".write(toFile: file, atomically: true, encoding: .utf8)
    let result = try SendoutBinary.run(["fire", "--body", file, "--to", "http://127.0.0.1:1/"])
    #expect(result.status == 65)
    #expect(result.stderr.contains("\(file):2:7:"), "stderr: \(result.stderr)")
    let missing = try SendoutBinary.run(["fire", "--body", "/nonexistent/body.json"])
    #expect(missing.status == 65)
    #expect(missing.stderr.contains("/nonexistent/body.json"))
    let both = try SendoutBinary.run(["fire", "voucher.published", "--body", file])
    #expect(both.status == 64)
  }
}
