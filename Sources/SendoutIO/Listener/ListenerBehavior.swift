import SendoutCore

/// How the listener answers, including injected faults; replaceable while it runs (`WebhookListener.behavior`).
///
/// Order of decisions for each request: a sendout id already answered 2xx gets `duplicateStatus` when set (a
/// receiver that rejects duplicates); the first `failFirst` requests get `failStatus`; then each fails with
/// probability `failRate` (seeded, reproducible); the rest get `status`. Every answer waits `delayMilliseconds`.
public struct ListenerBehavior: Sendable, Equatable {
  /// The status for requests that are not failed on purpose (`--respond`, default 200).
  public var status: Int
  /// Fail the first N requests after this behaviour was set (`--fail-first`).
  public var failFirst: Int
  /// Fail each later request with this probability, 0…1 (`--fail-rate`).
  public var failRate: Double
  /// Seeds the failure draws.
  public var seed: UInt64
  /// The status of an injected failure (default 500).
  public var failStatus: Int
  /// Wait this long before answering (`--delay`), without blocking other connections.
  public var delayMilliseconds: Int64
  /// Extra response headers (e.g. `retry-after`).
  public var headers: [HTTPHeader]
  /// The status for a sendout id the listener already answered 2xx (`--fail-duplicates`: 409); `nil` treats
  /// duplicates like any request.
  public var duplicateStatus: Int?

  /// Creates a behaviour; the default answers 200 at once.
  public init(
    status: Int = 200, failFirst: Int = 0, failRate: Double = 0, seed: UInt64 = 1, failStatus: Int = 500,
    delayMilliseconds: Int64 = 0, headers: [HTTPHeader] = [], duplicateStatus: Int? = nil
  ) {
    self.status = status
    self.failFirst = failFirst
    self.failRate = failRate
    self.seed = seed
    self.failStatus = failStatus
    self.delayMilliseconds = delayMilliseconds
    self.headers = headers
    self.duplicateStatus = duplicateStatus
  }

  /// The status for the `index`-th request (0-based) since this behaviour was set, drawing from `random`.
  public func status(forRequest index: Int, random: inout SeededGenerator) -> Int {
    if index < failFirst { return failStatus }
    if failRate > 0, random.chance(failRate) { return failStatus }
    return status
  }
}
