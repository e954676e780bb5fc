import Foundation
import SendoutCore
import SendoutIO
import SendoutSessions
import Testing

/// `load --export FILE [--shard i/n]`: vegeta JSON targets, exactly the requests `load` sends, unique across shards.
@Suite struct LoadExportTests {
  func temporaryPath() -> String { NSTemporaryDirectory() + "sendout-export-\(UUID().uuidString).jsonl" }

  /// One exported line, decoded: method, url, headers in order, body bytes.
  struct Target {
    var method: String
    var url: String
    var headers: [HTTPHeader]
    var body: [UInt8]
  }

  func targets(_ path: String) throws -> [Target] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    return try text.split(separator: "\n").map { line in
      let json = try JSONParser.parse(Array(line.utf8))
      let object = try #require(json.objectValue)
      #expect(object.keys == ["method", "url", "header", "body"])
      let header = try #require(json["header"]?.objectValue)
      var headers: [HTTPHeader] = []
      for member in header.members {
        for value in try #require(member.value.arrayValue) {  // vegeta: a map of arrays
          headers.append(HTTPHeader(member.key, try #require(value.stringValue)))
        }
      }
      let base64 = try #require(json["body"]?.stringValue)
      let body = try #require(Data(base64Encoded: base64))
      return Target(
        method: try #require(json["method"]?.stringValue), url: try #require(json["url"]?.stringValue),
        headers: headers, body: Array(body))
    }
  }

  func configuration(count: Int, to url: String, shard: LoadShard? = nil) -> LoadSession.Configuration {
    var c = LoadSession.Configuration()
    c.target = url
    c.count = count
    c.eventTypes = ["customer.redemption.succeeded", "voucher.published"]
    c.request = SingleEventRequest(eventType: "customer.redemption.succeeded", secret: "s3cret")
    c.shard = shard
    return c
  }

  @Test func everyLineIsAVegetaTargetWhoseBase64BodyVerifiesWithTheSecret() throws {
    let path = temporaryPath()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let result = try LoadExport.run(configuration(count: 5, to: "http://127.0.0.1:9/hooks"), to: path)
    #expect(result.requests == 5 && result.shard == .whole)
    let exported = try targets(path)
    #expect(exported.count == 5)
    let signer = VoucherifySignature(secret: "s3cret")
    for target in exported {
      #expect(target.method == "POST" && target.url == "http://127.0.0.1:9/hooks")
      let signature = try #require(target.headers.first { $0.name == VoucherifySignature.headerName }?.value)
      #expect(signer.verify(signature, body: target.body))
      #expect(!target.headers.contains { $0.name.lowercased() == "content-length" })
    }
  }

  @Test func theExportedRequestsAreTheBytesLoadSends() async throws {
    let listener = WebhookListener(configuration: ListenerConfiguration(port: 0, secret: "s3cret"))
    try listener.start()
    defer { listener.stop() }
    let url = listener.baseURL + "/hooks"
    var load = configuration(count: 6, to: url)
    load.connections = 1  // one connection, one thread: requests arrive in the order they were made
    load.threads = 1
    _ = try await LoadSession.run(load) { _ in }
    let received = listener.received
    let path = temporaryPath()
    defer { try? FileManager.default.removeItem(atPath: path) }
    _ = try LoadExport.run(configuration(count: 6, to: url), to: path)
    let exported = try targets(path)
    #expect(received.count == 6 && exported.count == 6)
    for (target, arrival) in zip(exported, received) {
      #expect(target.body == arrival.body)
      #expect(arrival.signature == .valid)
      let sent = arrival.headers.filter { !["host", "content-length"].contains($0.name.lowercased()) }
      #expect(target.headers == sent)
    }
  }

  @Test func shardsSplitTheCountAndNeverShareASendoutID() throws {
    var ids: [String] = []
    var sizes: [Int] = []
    for index in 1...3 {
      let path = temporaryPath()
      defer { try? FileManager.default.removeItem(atPath: path) }
      let shard = try #require(LoadShard(index: index, count: 3))
      _ = try LoadExport.run(configuration(count: 100, to: "http://127.0.0.1:9/", shard: shard), to: path)
      let exported = try targets(path)
      sizes.append(exported.count)
      ids += try exported.map { try #require(JSONParser.parse($0.body)["id"]?.stringValue) }
    }
    #expect(sizes == [34, 33, 33])
    #expect(Set(ids).count == 100)
  }

  @Test func shardAndExportOptionsAreCheckedWithTheBadValueQuoted() throws {
    #expect(LoadShard.parse("2/3") == LoadShard(index: 2, count: 3))
    for bad in ["0/3", "4/3", "3", "a/b", "1/0", "/2", "1/2/3"] { #expect(LoadShard.parse(bad) == nil, "\(bad)") }
    var arguments = Arguments(["--to", "http://127.0.0.1:9/", "--count", "5", "--export", "f", "--shard", "4/3"])
    #expect(throws: CLIError.self) { _ = try LoadOptions.parse(&arguments) }
    do {
      var shardAlone = Arguments(["--to", "http://127.0.0.1:9/", "--count", "5", "--shard", "1/2"])
      _ = try LoadOptions.parse(&shardAlone)
      Issue.record("--shard without --export was accepted")
    } catch { #expect("\(error)".contains("--export")) }
    var durationOnly = configuration(count: 1, to: "http://127.0.0.1:9/")
    durationOnly.count = nil
    durationOnly.durationMilliseconds = 10_000
    #expect(throws: SessionError.self) { _ = try LoadExport.run(durationOnly, to: temporaryPath()) }
  }
}
