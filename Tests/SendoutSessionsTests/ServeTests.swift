import Foundation
import SendoutCore
import SendoutIO
import SendoutSessions
import SendoutTestSupport
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `sendout serve` over real loopback HTTP: a running mock API, called as a client would, its answers checked
/// against the official REST spec's schemas and its webhooks against a real listener.
@Suite struct ServeTests {
  /// A running mock API and the listener its webhooks go to.
  final class Server: Sendable {
    let task: Task<Int, any Error>
    let url: String
    let events: EventLog
    let listener: WebhookListener

    init(seed: UInt64 = 1, at: String = "2024-03-13T13:45:00.000Z") async throws {
      listener = WebhookListener(configuration: ListenerConfiguration(port: 0, secret: "whsec"))
      try listener.start()
      var configuration = ServeSession.Configuration()
      configuration.seed = seed
      configuration.at = Timestamp(iso8601: at)
      configuration.target = listener.baseURL + "/webhooks"
      configuration.secret = "whsec"
      configuration.appID = "app"
      configuration.appToken = "token"
      configuration.delivery = DeliverySettings(
        policy: try RetryPolicy(schedule: .none),
        auditPath: NSTemporaryDirectory() + "sendout-serve-\(UUID().uuidString).jsonl")
      let log = EventLog()
      events = log
      let served = configuration
      let ready = ReadySignal()
      task = Task {
        defer { ready.resolve(nil) }  // a server that fails to start ends the wait too
        return try await ServeSession.run(served) { event in
          log.record(event)
          if case .serving(let info) = event { ready.resolve(info.url) }
        }
      }
      let found = await ready.value()
      url = try #require(found)
    }

    /// Calls the API; returns the status and the parsed body.
    func call(_ method: String, _ path: String, body: String? = nil, keys: Bool = true) async throws -> (Int, JSON) {
      var request = URLRequest(url: try #require(URL(string: url + path)))
      request.httpMethod = method
      if keys {
        request.setValue("app", forHTTPHeaderField: "X-App-Id")
        request.setValue("token", forHTTPHeaderField: "X-App-Token")
      }
      if let body {
        request.httpBody = Data(body.utf8)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
      }
      let (data, response) = try await URLSession.shared.data(for: request)
      let status = (response as? HTTPURLResponse)?.statusCode ?? 0
      return (status, data.isEmpty ? .null : try JSONParser.parse(Array(data)))
    }

    func stop() async throws {
      task.cancel()
      _ = try await task.value
      listener.stop()
    }
  }

  static let spec = Result { try SchemaValidator(document: Fixtures.json("voucherify-api-openapi.json")) }

  func expectValid(_ body: JSON, _ schema: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let failures = try Self.spec.get().validate(body, against: schema, options: .structure)
    #expect(failures.isEmpty, "\(schema): \(failures.prefix(5))", sourceLocation: sourceLocation)
  }

  @Test func aCreatedCustomerIsAnsweredPerTheSpecAndSentAsASignedWebhook() async throws {
    let server = try await Server()
    let (status, customer) = try await server.call(
      "POST", "/v1/customers", body: #"{"source_id":"alice-1","name":"Alice","email":"alice@example.com"}"#)
    #expect(status == 200)
    try expectValid(customer, "CustomersCreateResponseBody")
    #expect(customer["source_id"] == "alice-1")
    let arrived = await server.listener.waitForRequests(count: 1, timeoutMilliseconds: 5_000)
    try await server.stop()
    #expect(arrived.map(\.eventType) == ["customer.created"])
    #expect(arrived.map(\.signature) == [.valid])
    let webhook = try JSONParser.parse(try #require(arrived.first).body)
    #expect(webhook.value(atPath: "data.customer.id") == customer["id"])
  }

  @Test func readsAnswerTheWorldsObjectsPerTheSpec() async throws {
    let server = try await Server()
    let (created, customer) = try await server.call("POST", "/v1/customers", body: #"{"source_id":"bob"}"#)
    #expect(created == 200)
    let (status, byID) = try await server.call("GET", "/v1/customers/\(customer["id"]?.stringValue ?? "")")
    #expect(status == 200)
    #expect(byID == customer)
    try expectValid(byID, "CustomersGetResponseBody")
    let (upsert, existing) = try await server.call("POST", "/v1/customers", body: #"{"source_id":"bob"}"#)
    #expect(upsert == 200 && existing["id"] == customer["id"], "the same source_id is the same customer")
    try await server.stop()
  }

  @Test func errorsAreVoucherifysBodies() async throws {
    let server = try await Server()
    let cases: [(String, String, String?, Bool, Int, String)] = [
      ("GET", "/v1/customers/nobody", nil, true, 404, "not_found"),
      ("GET", "/v1/vouchers/NO-SUCH-CODE", nil, true, 404, "not_found"),
      ("GET", "/v1/customers/nobody", nil, false, 401, "unauthorized"),
      ("GET", "/v1/products", nil, true, 501, "not_implemented"),
      ("PUT", "/v1/vouchers/X/enable", nil, true, 405, "method_not_allowed"),
      ("GET", "/v2/nothing", nil, true, 404, "not_found"),
      ("POST", "/v1/customers", "{bad", true, 400, "invalid_payload"),
      ("POST", "/v1/customers", #"{"source_id": 7}"#, true, 400, "invalid_customer"),
      ("POST", "/v1/events", #"{"event":"x"}"#, true, 400, "missing_customer"),
    ]
    for (method, path, body, keys, status, key) in cases {
      let (got, error) = try await server.call(method, path, body: body, keys: keys)
      #expect(got == status, "\(method) \(path)")
      #expect(error["key"]?.stringValue == key, "\(method) \(path): \(error)")
      #expect(error["code"]?.intValue == status)
      #expect(error["request_id"]?.stringValue?.hasPrefix("v-") == true)
      try expectValid(error, "Error")
    }
    try await server.stop()
  }

  @Test func theSameSeedTimeAndCallsGiveTheSameBytes() async throws {
    var runs: [[JSON]] = []
    for _ in 0..<2 {
      let server = try await Server(seed: 7)
      var answers: [JSON] = []
      answers.append(try await server.call("POST", "/v1/customers", body: #"{"source_id":"c1"}"#).1)
      answers.append(try await server.call("GET", "/v1/vouchers/nope").1)
      try await server.stop()
      runs.append(answers)
    }
    #expect(runs[0] == runs[1])
    #expect(runs[0][0]["id"]?.stringValue?.hasPrefix("cust_") == true)
  }
}
