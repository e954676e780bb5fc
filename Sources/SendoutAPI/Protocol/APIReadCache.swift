/// The answers of pure reads of one object (`GET` a voucher, customer, campaign, order or redemption), kept as bytes
/// until the next call that may change the world. Those answers depend on the world alone (not on the clock), so a
/// repeated read is served without routing, lookup or rendering; any other call empties the cache first. A hit still
/// counts as a call (request ids and the journal advance as on a miss), so answers stay byte-identical to a replay.
package struct APIReadCache {
  /// The operations whose `200` answers are kept.
  package static let operations: Set<String> = [
    "get-voucher", "get-customer", "get-campaign", "get-order", "get-redemption",
  ]
  /// At most this many answers are kept; past it the cache starts again.
  package static let capacity = 10_000

  private var bodies: [String: [UInt8]] = [:]

  /// An empty cache.
  package init() {}

  /// The kept answer to `call`, if it is a `GET` with the app keys that was answered since the world last changed.
  package func body(for call: APICall) -> [UInt8]? {
    guard call.method == "GET", call.authorized.contains(.server) else { return nil }
    return bodies[call.target]
  }

  /// Keeps `bytes` as the answer to `call` (a `200` of one of `operations`).
  package mutating func store(_ bytes: [UInt8], for call: APICall) {
    if bodies.count >= Self.capacity { bodies.removeAll(keepingCapacity: true) }
    bodies[call.target] = bytes
  }

  /// Forgets every answer: the world may have changed.
  package mutating func invalidate() {
    if !bodies.isEmpty { bodies.removeAll(keepingCapacity: true) }
  }
}
