import Foundation
import SendoutCore
import SendoutSessions
import SendoutTestSupport
import Testing

@testable import SendoutIO

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
    connections: ServeConnectionLimits? = nil,
    auditPath: String = NSTemporaryDirectory() + "sendout-serve-\(UUID().uuidString).jsonl"
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
    configuration.clientAppID = "capp"
    configuration.clientToken = "ctoken"
    configuration.scenarioPath = scenario
    configuration.statePath = state
    if let connections { configuration.connections = connections }
    configuration.delivery = DeliverySettings(policy: try RetryPolicy(schedule: .none), auditPath: auditPath)
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

  /// Calls the API with the app keys (`keys`), or the client keys and an `origin` (`client`); returns the status
  /// and the parsed body.
  func call(_ method: String, _ path: String, body: String? = nil, keys: Bool = true, client: Bool = false)
    async throws -> (Int, JSON)
  {
    var headers: [HTTPHeader] = []
    if keys && !client { headers += [HTTPHeader("X-App-Id", "app"), HTTPHeader("X-App-Token", "token")] }
    if client {
      headers += [
        HTTPHeader("X-Client-Application-Id", "capp"), HTTPHeader("X-Client-Token", "ctoken"),
        HTTPHeader("origin", "http://shop.test"),
      ]
    }
    if body != nil { headers.append(HTTPHeader("Content-Type", "application/json")) }
    let response = try await Self.exchange(method, url + path, headers: headers, body: Array((body ?? "").utf8))
    return (response.status, response.body.isEmpty ? .null : try JSONParser.parse(response.body))
  }

  /// One request over its own loopback socket on its own thread (not URLSession: every URLSession in the process
  /// shares one queue, which hundreds of calls from parallel suites would keep busy for other suites' tests).
  static func exchange(_ method: String, _ url: String, headers: [HTTPHeader], body: [UInt8]) async throws
    -> TransportResponse
  {
    let target = try LoadTarget.parse(url).get()
    let bytes = HTTPSerializer.request(
      method: method, target: target.path, host: target.hostHeader, headers: headers, body: body)
    let result = await withCheckedContinuation { continuation in
      let thread = Thread {
        continuation.resume(
          returning: SocketConnection(target: target).exchange(bytes, timeoutMilliseconds: 10_000) { false })
      }
      thread.start()
    }
    return try result.get()
  }

  /// The project id serve announced when it started serving.
  var projectID: String? {
    events.all.compactMap { event -> String? in
      if case .serving(let info) = event { return info.projectID }
      return nil
    }.first
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

  /// Expects `body` to match `schema` of the official spec (structure mode).
  static func expectValid(_ body: JSON, _ schema: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let failures = try Fixtures.apiSpecValidator().validate(body, against: schema, options: .structure)
    #expect(failures.isEmpty, "\(schema): \(failures.prefix(5))", sourceLocation: sourceLocation)
  }
}
