import SendoutCore
import SendoutIO

extension ServeServer {
  /// The bodies of the webhooks of `type` received once one of `until` (default: `type`) has arrived.
  func bodies(of type: String, until last: String? = nil) async throws -> [JSON] {
    let arrived = await webhooks(until: last ?? type)
    return try arrived.filter { $0.eventType == type }.map { try JSONParser.parse($0.body) }
  }

  /// Waits (at most 5 s) until the delivery queue has nothing queued or in flight; returns whether it got there.
  func drained() async throws -> Bool {
    for _ in 0..<500 {
      let (_, delivery) = try await call("GET", "/_sendout/delivery")
      if delivery["queued"] == 0 && delivery["in_flight"] == 0 { return true }
      try await Task.sleep(nanoseconds: 10_000_000)
    }
    return false
  }
}
