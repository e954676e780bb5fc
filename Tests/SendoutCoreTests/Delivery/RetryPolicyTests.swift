import SendoutCore
import Testing

@Suite struct RetryPolicyTests {
  let t0 = Timestamp(milliseconds: 1_710_337_500_000)

  /// Attempt n → milliseconds after the first attempt, Voucherify schedule unscaled.
  @Test(
    arguments: [
      (1, 0), (2, 60_000), (3, 120_000), (4, 240_000), (7, 1_920_000), (11, 30_720_000), (12, 61_440_000),
      (13, 86_400_000),
    ] as [(Int, Int64)])
  func voucherifyOffsets(attempt: Int, offset: Int64) {
    #expect(RetryPolicy.voucherify.offset(ofAttempt: attempt) == offset)
  }

  @Test func thereIsNoFourteenthAttempt() {
    #expect(RetryPolicy.voucherify.maxAttempts == 13)
    #expect(RetryPolicy.voucherify.offset(ofAttempt: 14) == nil)
    #expect(RetryPolicy.voucherify.nextAttemptAt(after: 13, firstAttemptAt: t0, finishedAt: t0) == nil)
    #expect(RetryPolicy.none.nextAttemptAt(after: 1, firstAttemptAt: t0, finishedAt: t0) == nil)
  }

  @Test func timeScaleShrinksTheWholeScheduleButNotTheTimeout() throws {
    let policy = try RetryPolicy(schedule: .voucherify, timeScale: 0.001)
    #expect(policy.offset(ofAttempt: 2) == 60)
    #expect(policy.offset(ofAttempt: 13) == 86_400)
    #expect(policy.timeoutMilliseconds == 10_000)
    let tiny = try RetryPolicy(schedule: .voucherify, timeScale: 0.0001)
    #expect(tiny.offset(ofAttempt: 13)! < 10_000)
  }

  @Test(arguments: ["0", "-1", "abc", "nan", "inf", ""])
  func rejectsBadTimeScales(text: String) {
    #expect(throws: DeliveryError.self) { try RetryPolicy.parseTimeScale(text) }
  }

  @Test func scheduleIsAnchoredOnTheFirstAttemptNotOnTheLastFailure() throws {
    let policy = try RetryPolicy(schedule: RetrySchedule.parse("100ms,200ms,400ms"))
    // Attempt 2 failed late (at +350 ms): attempt 3 is still due at +200 ms, i.e. at once.
    let next = policy.nextAttemptAt(after: 2, firstAttemptAt: t0, finishedAt: t0.adding(milliseconds: 350))
    #expect(next == t0.adding(milliseconds: 200))
  }

  /// (status, retry-after header, finishedAt offset, expected next-attempt offset) for attempt 1 of `1m,2m,4m`.
  @Test(
    arguments: [
      (503, "30", 10, 30_010),  // sooner than the schedule: honoured
      (429, "0", 10, 10),  // at once
      (503, "90", 10, 60_000),  // later than the next step: clamped to it
      (429, "600", 10, 60_000),  // far later: still the next step
      (500, "90", 10, 60_000),  // only 429 and 503 count
      (503, "Wed, 21 Oct 2015 07:28:00 GMT", 10, 60_000),  // HTTP-dates are ignored
    ] as [(Int, String, Int64, Int64)])
  func retryAfterIsHonouredAndClamped(status: Int, header: String, finished: Int64, expected: Int64) throws {
    let policy = try RetryPolicy(schedule: RetrySchedule.parse("1m,2m,4m"))
    let retryAfter = RetryPolicy.retryAfterMilliseconds(status: status, headers: [HTTPHeader("Retry-After", header)])
    let next = policy.nextAttemptAt(
      after: 1, firstAttemptAt: t0, finishedAt: t0.adding(milliseconds: finished), retryAfterMilliseconds: retryAfter)
    #expect(next == t0.adding(milliseconds: expected))
  }

  @Test func retryAfterNeverAddsAnAttempt() throws {
    let policy = try RetryPolicy(schedule: RetrySchedule.parse("1m,2m"))
    let last = policy.nextAttemptAt(
      after: 3, firstAttemptAt: t0, finishedAt: t0.adding(milliseconds: 120_000), retryAfterMilliseconds: 1000)
    #expect(last == nil)
  }
}
