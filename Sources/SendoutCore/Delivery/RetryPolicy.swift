/// A retry schedule with a time scale and a per-attempt timeout, and the pure backoff function.
///
/// Attempt n (1-based) is due at `firstAttemptAt + scaled(offsets[n-2])`: the schedule is anchored on
/// the first attempt, as Voucherify's table is, so a slow attempt does not push later ones back.
/// An attempt whose due time has already passed starts at once.
///
/// **Extension (not Voucherify behaviour; Voucherify documents no special handling):** a `Retry-After`
/// header (delta-seconds) on a 429 or 503 response is honoured, clamped to the schedule's next step:
/// the next retry happens at `finishedAt + Retry-After`, but never later than the schedule would have
/// sent it. So a receiver can ask to be retried sooner, the number of attempts and the schedule's total
/// span never change, and a `Retry-After` longer than the next step leaves the schedule as it is.
public struct RetryPolicy: Sendable, Equatable {
  /// Voucherify's documented response timeout: 10 s.
  public static let voucherifyTimeoutMilliseconds: Int64 = 10_000

  /// When to retry.
  public var schedule: RetrySchedule
  /// Multiplies every schedule offset (0.001 turns 24 h into 86.4 s); the timeout is not scaled.
  public private(set) var timeScale: Double
  /// How long each attempt may take.
  public var timeoutMilliseconds: Int64

  /// Largest `timeScale` accepted: the 24 h schedule stretched to 1,000 days (larger values overflow).
  public static let maxTimeScale = 1_000.0

  /// The longest per-attempt timeout accepted: 24 hours.
  public static let maxTimeoutMilliseconds: Int64 = 86_400_000

  /// A policy; throws unless `timeScale` is positive and at most `maxTimeScale`, and the timeout is 1 ms to 24 h.
  public init(
    schedule: RetrySchedule = .voucherify, timeScale: Double = 1,
    timeoutMilliseconds: Int64 = RetryPolicy.voucherifyTimeoutMilliseconds
  ) throws(DeliveryError) {
    guard timeScale.isFinite, timeScale > 0, timeScale <= RetryPolicy.maxTimeScale else {
      throw .invalidTimeScale("\(timeScale)")
    }
    guard (1...RetryPolicy.maxTimeoutMilliseconds).contains(timeoutMilliseconds) else {
      throw .invalidTimeout(DurationText.format(milliseconds: Double(timeoutMilliseconds)))
    }
    self.schedule = schedule
    self.timeScale = timeScale
    self.timeoutMilliseconds = timeoutMilliseconds
  }

  /// Voucherify's schedule and timeout, unscaled.
  public static let voucherify = RetryPolicy(checked: .voucherify)

  /// One attempt, no retries.
  public static let none = RetryPolicy(checked: .none)

  /// A policy with a known-good schedule, time scale 1 and Voucherify's timeout (nothing to check).
  private init(checked schedule: RetrySchedule) {
    self.schedule = schedule
    timeScale = 1
    timeoutMilliseconds = RetryPolicy.voucherifyTimeoutMilliseconds
  }

  /// Parses a `--time-scale` value.
  public static func parseTimeScale(_ text: String) throws(DeliveryError) -> Double {
    guard let value = Double(text.trimmingSpaces), value.isFinite, value > 0, value <= RetryPolicy.maxTimeScale else {
      throw .invalidTimeScale(text)
    }
    return value
  }

  /// Attempts in all.
  public var maxAttempts: Int { schedule.attempts }

  /// Milliseconds from the first attempt to attempt `n` (1-based), scaled; `nil` past the last attempt.
  ///
  /// Voucherify, unscaled: n=1 → 0, n=2 → 60 000, n=3 → 120 000, …, n=12 → 61 440 000, n=13 → 86 400 000.
  public func offset(ofAttempt n: Int) -> Int64? {
    guard n >= 1, n <= maxAttempts else { return nil }
    if n == 1 { return 0 }
    return Int64((Double(schedule.offsets[n - 2]) * timeScale).rounded())
  }

  /// When attempt `attempt + 1` is due after attempt `attempt` failed, or `nil` when `attempt` was the last.
  ///
  /// - Parameters:
  ///   - attempt: the 1-based number of the attempt that just failed.
  ///   - firstAttemptAt: when attempt 1 started (the schedule's anchor).
  ///   - finishedAt: when the failed attempt ended (the anchor for `Retry-After`).
  ///   - retryAfterMilliseconds: the server's `Retry-After`, if honoured (see `retryAfterMilliseconds(status:headers:)`).
  /// - Returns: the due time, never later than the schedule's next step; `nil` when no attempt is left.
  public func nextAttemptAt(
    after attempt: Int, firstAttemptAt: Timestamp, finishedAt: Timestamp, retryAfterMilliseconds: Int64? = nil
  ) -> Timestamp? {
    guard let next = offset(ofAttempt: attempt + 1) else { return nil }
    let scheduled = firstAttemptAt.adding(milliseconds: next)
    guard let retryAfter = retryAfterMilliseconds else { return scheduled }
    return min(finishedAt.adding(milliseconds: max(0, retryAfter)), scheduled)
  }

  /// The `Retry-After` delay to honour: delta-seconds on a 429 or 503 response, else `nil`.
  /// (HTTP-date values are ignored; receivers in practice send seconds.)
  public static func retryAfterMilliseconds(status: Int, headers: [HTTPHeader]) -> Int64? {
    guard status == 429 || status == 503 else { return nil }
    guard let value = headers.first(where: { $0.name.lowercased() == "retry-after" })?.value.trimmingSpaces,
      !value.isEmpty, value.utf8.allSatisfy({ (48...57).contains($0) }), let seconds = Int64(value),
      seconds < 1_000_000_000
    else { return nil }
    return seconds * 1000
  }
}
