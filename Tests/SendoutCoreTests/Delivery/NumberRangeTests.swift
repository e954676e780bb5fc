import SendoutCore
import SendoutTestSupport
import Testing

/// Issue 10, class 1 in the pure core: every number from a flag or a file is read with an explicit range;
/// out of range is an error that names the range, never a trap or an overflow later on.
@Suite struct NumberRangeTests {
  @Test(arguments: ["300000d", "36501d", "99999999999999999999999h", "1e9s", "inf", "nan", "-1s", "1.5.5s", "٣s"])
  func durationsBeyondTheCapOrMalformedAreRefused(_ text: String) {
    #expect(DurationText.milliseconds(text) == nil)
    #expect(DurationText.wholeMilliseconds(text) == nil)
  }

  @Test func theLongestDurationIsAHundredYears() {
    #expect(DurationText.milliseconds("36500d") == DurationText.maxMilliseconds)
    #expect(DurationText.milliseconds("36499d23h59m") != nil)
  }

  @Test func aRetryScheduleBeyondTheCapIsAnErrorNamingIt() {
    #expect(throws: DeliveryError.self) { try RetrySchedule.parse("300000d") }
    do { _ = try RetrySchedule.parse("1m,300000d") } catch { #expect(error.message.contains("36500d")) }
  }

  @Test func theLongestScheduleAtTheLargestScaleStaysInRange() throws {
    let policy = try RetryPolicy(schedule: try RetrySchedule.parse("36500d"), timeScale: RetryPolicy.maxTimeScale)
    let first = Timestamp(milliseconds: 1_700_000_000_000)
    let next = try #require(policy.nextAttemptAt(after: 1, firstAttemptAt: first, finishedAt: first))
    #expect(next > first)
  }

  @Test(arguments: [Int64(0), -1, RetryPolicy.maxTimeoutMilliseconds + 1, Int64.max])
  func deliveryTimeoutsOutsideOneMillisecondToADayAreRefused(_ ms: Int64) {
    #expect(throws: DeliveryError.self) { try RetryPolicy(timeoutMilliseconds: ms) }
  }

  @Test(arguments: [
    RateSchedule.constant(rate: .infinity, milliseconds: 1000), .constant(rate: .nan, milliseconds: 1000),
    .constant(rate: 1e12, milliseconds: 2000), .constant(rate: 1e9, milliseconds: 1e12),
    .constant(rate: 1e6, milliseconds: 2_000_000), .constant(rate: 1e-300, milliseconds: 1000),
    .constant(rate: 1, milliseconds: 1e300), RateSchedule(stages: []),
  ])
  func loadSchedulesBeyondTheCapsAreRefusedBeforeAnythingRuns(_ schedule: RateSchedule) {
    #expect(throws: RateScheduleError.self) { try schedule.validate() }
    _ = schedule.totalCount  // saturates instead of trapping
  }

  @Test func aScheduleOverTheRequestCapSaysTheCap() {
    do {
      try RateSchedule.constant(rate: 1e6, milliseconds: 2_000_000).validate()
      Issue.record("accepted 2e9 requests")
    } catch {
      #expect(error.description.contains("1000000000"), "\(error.description)")
    }
  }

  @Test func rampsAreCheckedToo() {
    guard case .failure(let error) = RateSchedule.parse(ramp: "1000 for 10s, 1e12 for 1s") else {
      Issue.record("accepted a 10^12 req/s stage")
      return
    }
    #expect(error.description.contains("up to 1000000"))
  }

  @Test(arguments: [
    #""attempt":9223372036854775807"#, #""attempt":-1"#, #""attempt":1000001"#, #""attempt":1e300"#,
    #""attempt":1,"http_status":99999"#, #""attempt":1,"http_status":-200"#, #""attempt":1,"latency_ms":-5"#,
    #""attempt":1,"latency_ms":9000000000000000"#,
  ])
  func auditRecordNumbersOutOfRangeAreErrors(_ fields: String) throws {
    let line = Self.record(fields)
    #expect(throws: AuditLogError.self) { try AuditLogParser.parse(Array((line + "\n").utf8), path: "a.jsonl") }
  }

  @Test func anAuditRecordWithNumbersInRangeParses() throws {
    let line = Self.record(#""attempt":13,"http_status":503,"latency_ms":12"#)
    let contents = try AuditLogParser.parse(Array((line + "\n").utf8), path: "a.jsonl")
    #expect(contents.records.first?.attempt == 13)
  }

  @Test func theDeliveryMachineNeverOverflowsAnAttemptCount() throws {
    var machine = DeliveryMachine(configuration: try DeliveryConfiguration(policy: .none))
    machine.enqueue(TestSendouts.make(1), previousAttempts: Int.max)
    let actions = machine.poll(now: Timestamp(milliseconds: 0))
    guard case .send(_, let attempt, _)? = actions.first else {
      Issue.record("no send: \(actions)")
      return
    }
    #expect(attempt == AuditRecord.maxAttempt + 1)
  }

  static func record(_ numbers: String) -> String {
    #"{"sendout_id":"whs_1","status":"FAILED",\#(numbers),"type":"t","event_type":"t","#
      + #""source":{"id":"wh_1","object":"webhook"},"target_url":"http://x/","request_id":"r","event_id":"e","#
      + #""event_created_at":"2024-01-01T00:00:00.000Z","executed_at":"2024-01-01T00:00:00.000Z","#
      + #""headers":[],"body":"{}"}"#
  }
}
