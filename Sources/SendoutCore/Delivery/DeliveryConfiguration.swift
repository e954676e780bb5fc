/// How the dispatcher delivers: retry policy, how many attempts may be in flight at once, and
/// whether exhausting a sendout pauses its source.
public struct DeliveryConfiguration: Sendable, Equatable {
  /// The retry schedule, time scale and timeout.
  public var policy: RetryPolicy
  /// At most this many attempts in flight at once (URLSession gains nothing beyond ~8).
  public var maxInFlight: Int
  /// Whether a sendout that fails every attempt pauses its distribution / disables its project webhook
  /// (Voucherify does; a manual `retry` does not).
  public var pauseOnExhaustion: Bool

  /// Creates a configuration; throws when `maxInFlight` is below 1.
  public init(policy: RetryPolicy = .voucherify, maxInFlight: Int = 8, pauseOnExhaustion: Bool = true)
    throws(DeliveryError)
  {
    guard maxInFlight >= 1 else { throw .invalidConcurrency(maxInFlight) }
    self.policy = policy
    self.maxInFlight = maxInFlight
    self.pauseOnExhaustion = pauseOnExhaustion
  }

  /// Voucherify's schedule, 8 in flight, pause on exhaustion.
  public static let voucherify = DeliveryConfiguration(policy: .voucherify, checkedMaxInFlight: 8)

  private init(policy: RetryPolicy, checkedMaxInFlight: Int) {
    self.policy = policy
    maxInFlight = checkedMaxInFlight
    pauseOnExhaustion = true
  }
}
