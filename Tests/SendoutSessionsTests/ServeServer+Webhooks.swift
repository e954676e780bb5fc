import SendoutCore
import SendoutIO

extension ServeServer {
  /// The bodies of the webhooks of `type` received once one of `until` (default: `type`) has arrived.
  func bodies(of type: String, until last: String? = nil) async throws -> [JSON] {
    let arrived = await webhooks(until: last ?? type)
    return try arrived.filter { $0.eventType == type }.map { try JSONParser.parse($0.body) }
  }
}
