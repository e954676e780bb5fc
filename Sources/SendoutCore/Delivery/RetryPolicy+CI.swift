extension RetryPolicy {
  /// The longest the whole schedule may take in CI: 2 minutes, the last attempt's timeout included.
  public static let ciBudgetMilliseconds: Int64 = 120_000

  /// Voucherify's schedule scaled so that its last attempt starts, and times out at the latest, within
  /// `ciBudgetMilliseconds` of the first: ×(120 s − timeout − 1 ms) / 24 h, i.e. ×0.00127 with the 10 s timeout
  /// (1m, 2m, … 24h become 76ms, 153ms, … 1m50s). A timeout that leaves under 10 s of the budget gets a 10 s span.
  public static func compressedForCI(timeoutMilliseconds: Int64) throws(DeliveryError) -> RetryPolicy {
    let schedule = RetrySchedule.voucherify
    let span = max(10_000, ciBudgetMilliseconds - timeoutMilliseconds - 1)
    let last = Double(schedule.offsets.last ?? 1)
    return try RetryPolicy(
      schedule: schedule, timeScale: Double(span) / last, timeoutMilliseconds: timeoutMilliseconds)
  }
}
