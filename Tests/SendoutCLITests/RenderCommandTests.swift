import SendoutCore
import Testing

@Suite struct RenderCommandTests {
  @Test func sameSeedRepeatsByteForByteAndOtherSeedsDiffer() throws {
    let a = try SendoutBinary.run(["render", "customer.publication.succeeded", "--seed", "5"])
    let b = try SendoutBinary.run(["render", "customer.publication.succeeded", "--seed", "5"])
    let c = try SendoutBinary.run(["render", "customer.publication.succeeded", "--seed", "6"])
    #expect(a.status == 0)
    #expect(a.stdoutBytes == b.stdoutBytes)
    #expect(a.stdoutBytes.last == 0x0A)
    let bodyA = try JSONParser.parse(Array(a.stdoutBytes.dropLast()))
    let bodyC = try JSONParser.parse(Array(c.stdoutBytes.dropLast()))
    #expect(bodyA["id"] != bodyC["id"])
    #expect(bodyA.value(atPath: "data.customer.id") != bodyC.value(atPath: "data.customer.id"))
    #expect(bodyA.objectValue?.keys == ["id", "project_id", "created_at", "type", "data", "source", "event"])
  }

  @Test func bodyIsCompactLikeJSONStringify() throws {
    let result = try SendoutBinary.run(["render", "redemption.succeeded"])
    let body = Array(result.stdoutBytes.dropLast())
    #expect(try JSONParser.parse(body).compactBytes == body)
  }

  @Test func requestCarriesASignatureAnyHMACReproduces() throws {
    let result = try SendoutBinary.run([
      "render", "voucher.published", "--secret", "s3cret", "--request", "--to", "http://localhost:9/x",
    ])
    #expect(result.status == 0)
    let request = try JSONParser.parse(result.stdout)
    #expect(request["method"] == "POST")
    #expect(request["url"] == "http://localhost:9/x")
    let body = try #require(request["body"]?.stringValue)
    let signature = try #require(request.value(atPath: "headers.x-voucherify-signature")?.stringValue)
    #expect(signature == HMACSHA256(secret: "s3cret").hexMAC(Array(body.utf8)))
    #expect(request.value(atPath: "headers.content-type") == "application/json")
    #expect(try JSONParser.parse(body).value(atPath: "source.target_url") == "http://localhost:9/x")
  }

  @Test func distributionUsesTheEventNameAsTypeAndTheDistributionSource() throws {
    let result = try SendoutBinary.run([
      "render", "customer.redemption.succeeded", "--via", "distribution", "--event-name", "Voucher-redeemed",
    ])
    let body = try JSONParser.parse(Array(result.stdoutBytes.dropLast()))
    #expect(body["type"] == "Voucher-redeemed")
    #expect(body.value(atPath: "event.type") == "customer.redemption.succeeded")
    #expect(body.value(atPath: "source.object") == "distribution")
    #expect(body.value(atPath: "source.id")?.stringValue?.hasPrefix("distr_") == true)
  }

  @Test(arguments: [
    (["render", "customer.publication.succeded"], "customer.publication.succeeded"),
    (["render", "redemption.succeeded", "--via", "distribution"], "allowed: project"),
    (["render", "redemption.succeeded", "--seed", "-3"], "--seed"),
    (["render", "redemption.succeeded", "--header", "X-Bad: 1"], "lowercase letters, digits and dashes"),
    (["render"], "Missing EVENT"),
  ])
  func badInputIsAUsageErrorThatSaysWhatIsAllowed(arguments: [String], expected: String) throws {
    let result = try SendoutBinary.run(arguments)
    #expect(result.status == 64)
    #expect(result.stderr.contains(expected), "stderr: \(result.stderr)")
    #expect(result.stdout.isEmpty)
  }
}
