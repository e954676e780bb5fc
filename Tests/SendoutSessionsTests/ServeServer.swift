import Foundation
import SendoutCore
import SendoutIO
import SendoutSessions
import SendoutTestSupport
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A running mock API and the listener its webhooks go to.
final class ServeServer: Sendable {
  let task: Task<Int, any Error>
  let url: String
  let events: EventLog
  let listener: WebhookListener

  init(
    seed: UInt64 = 1, at: String? = "2024-03-13T13:45:00.000Z", scenario: String? = nil, state: String? = nil,
    connections: ServeConnectionLimits? = nil
  ) async throws {
    listener = WebhookListener(configuration: ListenerConfiguration(port: 0, secret: "whsec"))
    try listener.start()
    var configuration = ServeSession.Configuration()
    configuration.seed = seed
    configuration.at = at.flatMap(Timestamp.init(iso8601:))
    configuration.target = listener.baseURL + "/webhooks"
    configuration.secret = "whsec"
    configuration.appID = "app"
    configuration.appToken = "token"
    configuration.scenarioPath = scenario
    configuration.statePath = state
    if let connections { configuration.connections = connections }
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

  /// What the listener received once a webhook of `type` is among it (or after 5 s).
  func webhooks(until type: String) async -> [ReceivedWebhook] {
    for _ in 0..<1_000 {
      if listener.received.contains(where: { $0.eventType == type }) { break }
      try? await Task.sleep(nanoseconds: 5_000_000)
    }
    return listener.received
  }

  func stop() async throws {
    task.cancel()
    _ = try await task.value
    listener.stop()
  }

  static let spec = Result { try SchemaValidator(document: Fixtures.json("voucherify-api-openapi.json")) }

  /// Expects `body` to match `schema` of the official spec (structure mode).
  static func expectValid(_ body: JSON, _ schema: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let failures = try Self.spec.get().validate(body, against: schema, options: .structure)
    #expect(failures.isEmpty, "\(schema): \(failures.prefix(5))", sourceLocation: sourceLocation)
  }
}
