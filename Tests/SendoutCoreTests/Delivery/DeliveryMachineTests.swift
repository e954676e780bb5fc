// swift-format-ignore-file: NeverForceUnwrap

// Test code: a force unwrap of a literal or a fixture is the clearest assertion that it is well-formed.
import SendoutCore
import SendoutTestSupport
import Testing

/// Drives a `DeliveryMachine` with simulated time: each attempt takes `latency` ms and ends as `outcome` says.
struct MachineSimulation {
  var machine: DeliveryMachine
  var now = Timestamp(milliseconds: 1_710_337_500_000)
  var latency: Int64 = 5
  var records: [AuditRecord] = []
  var paused: [SendoutSource] = []
  var sent: [(id: String, attempt: Int, at: Timestamp, request: TransportRequest)] = []
  var maxInFlightSeen = 0

  init(_ configuration: DeliveryConfiguration, _ sendouts: [Sendout], pausedSources: Set<String> = []) {
    machine = DeliveryMachine(configuration: configuration, pausedSources: pausedSources)
    for s in sendouts { machine.enqueue(s) }
  }

  mutating func run(until stop: Timestamp? = nil, outcome: (String, Int) -> Result<TransportResponse, TransportError>) {
    var inFlight: [(id: String, attempt: Int, finishAt: Timestamp)] = []
    for _ in 0..<10_000 {
      var wake: Timestamp?
      for action in machine.poll(now: now) {
        switch action {
        case .send(let id, let attempt, let request):
          sent.append((id, attempt, now, request))
          inFlight.append((id, attempt, now.adding(milliseconds: latency)))
        case .record(let r): records.append(r)
        case .pause(let s): paused.append(s)
        case .wait(let t): wake = t
        case .finished: return
        }
      }
      maxInFlightSeen = max(maxInFlightSeen, inFlight.count)
      let next = ([wake].compactMap { $0 } + inFlight.map(\.finishAt)).min()!
      if let stop, next > stop { return }
      now = max(now, next)
      let done = inFlight.filter { $0.finishAt <= now }
      inFlight.removeAll { $0.finishAt <= now }
      for d in done {
        apply(machine.attemptFinished(sendoutID: d.id, finishedAt: now, result: outcome(d.id, d.attempt)))
      }
    }
    Issue.record("simulation did not finish")
  }

  mutating func apply(_ actions: [DeliveryAction]) {
    for action in actions {
      switch action {
      case .record(let r): records.append(r)
      case .pause(let s): paused.append(s)
      default: Issue.record("unexpected action \(action)")
      }
    }
  }
}

let ok = Result<TransportResponse, TransportError>.success(TransportResponse(status: 200))
let serverError = Result<TransportResponse, TransportError>.success(TransportResponse(status: 500))
let refused = Result<TransportResponse, TransportError>.failure(.refused)

@Suite struct DeliveryMachineTests {
  func config(_ schedule: String, inFlight: Int = 8) throws -> DeliveryConfiguration {
    try DeliveryConfiguration(policy: RetryPolicy(schedule: RetrySchedule.parse(schedule)), maxInFlight: inFlight)
  }

  @Test func deliversOnTheFirstAttempt() throws {
    var sim = MachineSimulation(try config("voucherify"), [TestSendouts.make(1)])
    sim.run { _, _ in ok }
    #expect(sim.records.map(\.status) == [.success])
    #expect(sim.records[0].attempt == 1)
    #expect(sim.records[0].httpStatus == 200)
    #expect(sim.records[0].error == nil)
    #expect(sim.records[0].latencyMilliseconds == 5)
  }

  /// (how many attempts fail first, schedule, expected statuses)
  @Test(arguments: [
    (2, "100ms,200ms,400ms", [AuditStatus.retrying, .retrying, .success]),
    (3, "100ms,200ms,400ms", [.retrying, .retrying, .retrying, .success]),
    (4, "100ms,200ms,400ms", [.retrying, .retrying, .retrying, .failed]),
    (1, "none", [.failed]),
    (0, "none", [.success]),
  ])
  func failFirstNThenSucceed(failures: Int, schedule: String, expected: [AuditStatus]) throws {
    var sim = MachineSimulation(try config(schedule), [TestSendouts.make(1)])
    sim.run { _, attempt in attempt <= failures ? serverError : ok }
    #expect(sim.records.map(\.status) == expected)
    #expect(sim.records.map(\.attempt) == Array(1...expected.count))
    #expect(
      sim.sent.allSatisfy { $0.request == sim.sent[0].request }, "every attempt resends the same id, headers and bytes")
    #expect(Set(sim.records.map(\.sendoutID)).count == 1)
  }

  @Test func retriesFollowTheScheduleFromTheFirstAttempt() throws {
    var sim = MachineSimulation(try config("100ms,200ms,400ms"), [TestSendouts.make(1)])
    sim.run { _, _ in serverError }
    let t0 = sim.sent[0].at
    #expect(sim.sent.map { $0.at.milliseconds - t0.milliseconds } == [0, 100, 200, 400])
    #expect(sim.records.map { $0.nextAttemptAt.map { $0.milliseconds - t0.milliseconds } } == [100, 200, 400, nil])
    #expect(sim.records.last?.error == "HTTP 500")
  }

  @Test func fullVoucherifyScheduleAgainstADeadEndpointPausesTheSource() throws {
    var sim = MachineSimulation(.voucherify, [TestSendouts.make(1, via: .distribution)])
    sim.run { _, _ in refused }
    #expect(sim.sent.count == 13)
    let t0 = sim.sent[0].at
    #expect(
      sim.sent.map { ($0.at.milliseconds - t0.milliseconds) / 60_000 } == [
        0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 1440,
      ])
    #expect(sim.records.map(\.status) == Array(repeating: .retrying, count: 12) + [.failed])
    #expect(sim.records.last?.error == "connection refused")
    #expect(sim.records.last?.httpStatus == nil)
    #expect(sim.paused.map(\.object) == [.distribution])
  }

  @Test func laterSendoutsOfAPausedSourceAreSkippedOthersGoOn() throws {
    let a1 = TestSendouts.make(1, sourceID: "wh_A")
    let a2 = TestSendouts.make(2, sourceID: "wh_A")
    let b = TestSendouts.make(3, sourceID: "wh_B")
    var sim = MachineSimulation(try config("none", inFlight: 1), [a1, a2, b])
    sim.run { id, _ in id == a1.id ? serverError : ok }
    #expect(sim.records.map(\.status) == [.failed, .skipped, .success])
    #expect(sim.records[1].sendoutID == a2.id)
    #expect(sim.records[1].attempt == 0)
    #expect(sim.records[1].error?.contains("disabled") == true)
    #expect(sim.paused.map(\.id) == ["wh_A"])
  }

  @Test func sourcesPausedBeforeTheRunAreSkipped() throws {
    var sim = MachineSimulation(.voucherify, [TestSendouts.make(1, sourceID: "wh_A")], pausedSources: ["wh_A"])
    sim.run { _, _ in ok }
    #expect(sim.records.map(\.status) == [.skipped])
    #expect(sim.sent.isEmpty)
  }

  @Test(arguments: [1, 2, 5])
  func concurrencyIsBounded(limit: Int) throws {
    var sim = MachineSimulation(try config("none", inFlight: limit), (1...12).map { TestSendouts.make($0) })
    sim.run { _, _ in ok }
    #expect(sim.maxInFlightSeen == limit)
    #expect(sim.records.count == 12)
    #expect(sim.records.allSatisfy { $0.status == .success })
  }

  @Test func retryAfterBringsTheNextAttemptForwardWithinTheSchedule() throws {
    var sim = MachineSimulation(try config("10s,20s"), [TestSendouts.make(1)])
    sim.run { _, attempt in
      attempt == 1 ? .success(TransportResponse(status: 429, headers: [HTTPHeader("retry-after", "3")])) : ok
    }
    #expect(sim.sent.map { $0.at.milliseconds - sim.sent[0].at.milliseconds } == [0, 3005])
  }

  @Test func cancelRecordsEveryUnfinishedSendoutAsRetrying() throws {
    var machine = DeliveryMachine(configuration: try config("1s,2s", inFlight: 2))
    let (s1, s2, s3) = (TestSendouts.make(1), TestSendouts.make(2), TestSendouts.make(3))
    for s in [s1, s2, s3] { machine.enqueue(s) }
    let t0 = Timestamp(milliseconds: 1_000_000)
    #expect(machine.poll(now: t0).filter { if case .send = $0 { true } else { false } }.count == 2)
    _ = machine.attemptFinished(sendoutID: s1.id, finishedAt: t0.adding(milliseconds: 10), result: serverError)
    let cancelled = machine.cancel(now: t0.adding(milliseconds: 20))
    let records = cancelled.compactMap { if case .record(let r) = $0 { r } else { nil } }
    #expect(records.map(\.sendoutID) == [s1.id, s3.id])
    #expect(records.map(\.status) == [.retrying, .retrying])
    #expect(records.map(\.error) == ["cancelled before attempt 2", "cancelled before the first attempt"])
    #expect(!machine.isFinished, "s2 is still in flight")
    let last = machine.attemptFinished(
      sendoutID: s2.id, finishedAt: t0.adding(milliseconds: 30), result: .failure(.cancelled))
    let statuses: [AuditStatus] = last.compactMap { if case .record(let r) = $0 { r.status } else { nil } }
    #expect(statuses == [.retrying])
    #expect(machine.isFinished)
    #expect(machine.poll(now: t0.adding(milliseconds: 40)) == [.finished])
  }

  @Test func manualRetryContinuesAttemptNumbersAndDoesNotPause() throws {
    var machine = DeliveryMachine(configuration: try DeliveryConfiguration(policy: .none, pauseOnExhaustion: false))
    let s = TestSendouts.make(1)
    machine.enqueue(s, previousAttempts: 13)
    guard case .send(_, let attempt, _) = machine.poll(now: Timestamp(milliseconds: 0)).first else {
      Issue.record("expected a send")
      return
    }
    #expect(attempt == 14)
    let actions = machine.attemptFinished(sendoutID: s.id, finishedAt: Timestamp(milliseconds: 5), result: serverError)
    #expect(actions.count == 1, "a record, no pause")
  }

  @Test func duplicateSendoutIdsAreIgnored() {
    var machine = DeliveryMachine()
    let first = machine.enqueue(TestSendouts.make(1))
    let second = machine.enqueue(TestSendouts.make(1))
    #expect(first && !second)
  }
}

@Suite struct AuditSummaryTests {
  func record(_ n: Int, _ status: AuditStatus, attempt: Int, source: String = "wh_A") -> AuditRecord {
    AuditRecord(
      sendout: TestSendouts.make(n, sourceID: source), status: status, attempt: attempt,
      executedAt: Timestamp(milliseconds: Int64(attempt)),
      outcome: status == .success ? .response(status: 200) : .response(status: 500))
  }

  @Test func latestStatusPerSendoutWithAttempts() {
    let summary = AuditSummary([
      record(1, .retrying, attempt: 1), record(2, .success, attempt: 1), record(1, .retrying, attempt: 2),
      record(1, .failed, attempt: 3),
    ])
    #expect(summary.rows.map(\.latest.status) == [.failed, .success])
    #expect(summary.rows.map(\.attempts) == [3, 1])
    #expect(summary.filtered(status: .failed).count == 1)
    #expect(summary.filtered(type: "customer.publication.succeeded").count == 2)
    #expect(summary.filtered(type: "voucher.published").isEmpty)
  }

  @Test func aSendoutSkippedAfterItFailedStillCountsAsFailedForRetry() {
    let summary = AuditSummary([
      record(1, .failed, attempt: 13), record(1, .skipped, attempt: 0), record(2, .skipped, attempt: 0),
    ])
    #expect(summary.rows.map(\.lastAttemptFailed) == [true, false])
    #expect(summary.rows[0].attempts == 13)
  }

  @Test func aFailureLeavesItsSourcePausedUntilASuccess() {
    #expect(AuditSummary([record(1, .failed, attempt: 13)]).pausedSources == ["wh_A"])
    #expect(AuditSummary([record(1, .failed, attempt: 13), record(1, .success, attempt: 14)]).pausedSources.isEmpty)
    #expect(
      AuditSummary([record(1, .failed, attempt: 13, source: "wh_B"), record(2, .success, attempt: 1)]).pausedSources
        == ["wh_B"])
  }

  @Test func recordsRoundTripThroughTheirJSONLine() throws {
    let original = AuditRecord(
      sendout: TestSendouts.make(1, secret: "s"), status: .retrying, attempt: 2,
      executedAt: Timestamp(milliseconds: 1_710_337_560_000),
      outcome: .response(status: 503), latencyMilliseconds: 42,
      nextAttemptAt: Timestamp(milliseconds: 1_710_337_620_000))
    let contents = try AuditLogParser.parse(original.line, path: "x")
    #expect(contents.records == [original])
    #expect(original.sendout.body == TestSendouts.make(1, secret: "s").body)
    #expect(original.sendout.headers == TestSendouts.make(1, secret: "s").headers)
    let keys = original.json.objectValue?.keys ?? []
    #expect(Array(keys.prefix(6)) == ["sendout_id", "status", "attempt", "type", "event_type", "source"])
  }
}
