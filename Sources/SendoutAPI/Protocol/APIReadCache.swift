import SendoutCore

/// The answers of pure reads of one object (`GET` a voucher, customer, campaign, order or redemption), kept as bytes
/// (or, for a deferred body, as its builder until the first hit writes it) until the next call that may change the
/// world. Those answers depend on the world alone (not on the clock), so a repeated read is served without routing,
/// lookup or rendering; any other call empties the cache first. A hit still
/// counts as a call (request ids and the journal advance as on a miss), so answers stay byte-identical to a replay.
package struct APIReadCache {
  /// The operations whose `200` answers are kept.
  package static let operations: Set<String> = [
    "get-voucher", "get-customer", "get-campaign", "get-order", "get-redemption",
  ]
  /// At most this many answers are kept; past it the cache starts again.
  package static let capacity = 10_000

  /// A kept answer: its bytes, or (until it is first read again) how to build its body (`APIAnswer.deferredBody`),
  /// from values taken out of the world when it was answered.
  private enum Kept {
    case bytes([UInt8])
    case deferred(@Sendable () -> JSON)
  }

  private var bodies: [String: Kept] = [:]

  /// An empty cache.
  package init() {}

  /// Whether an answer to `call` is kept: it is a `GET` with the app keys, answered since the world last changed.
  package func holds(_ call: APICall) -> Bool {
    Self.isCacheable(call) && bodies[call.target] != nil
  }

  /// The kept answer to `call` (`holds`), written on its first hit when its body was deferred.
  package mutating func bytes(for call: APICall) -> [UInt8]? {
    guard Self.isCacheable(call), let kept = bodies[call.target] else { return nil }
    switch kept {
    case .bytes(let bytes): return bytes
    case .deferred(let build):
      let bytes = build().compactBytes
      bodies[call.target] = .bytes(bytes)
      return bytes
    }
  }

  /// Keeps `bytes` as the answer to `call` (a `200` of one of `operations`).
  package mutating func store(_ bytes: [UInt8], for call: APICall) { keep(.bytes(bytes), for: call) }

  /// Keeps the answer to `call` (a `200` of one of `operations`) as `build`, written on its first hit.
  package mutating func store(deferred build: @escaping @Sendable () -> JSON, for call: APICall) {
    keep(.deferred(build), for: call)
  }

  private mutating func keep(_ kept: Kept, for call: APICall) {
    if bodies.count >= Self.capacity { bodies.removeAll(keepingCapacity: true) }
    bodies[call.target] = kept
  }

  private static func isCacheable(_ call: APICall) -> Bool {
    call.method == "GET" && call.authorized.contains(.server)
  }

  /// Forgets every answer: the world may have changed.
  package mutating func invalidate() {
    if !bodies.isEmpty { bodies.removeAll(keepingCapacity: true) }
  }
}
