import SendoutCore
import SendoutTestSupport
import Testing

@Suite struct ResumePlanTests {
  let at = Timestamp(milliseconds: 1_710_337_500_500)

  func record(_ s: Sendout, _ status: AuditStatus, attempt: Int) -> AuditRecord {
    AuditRecord(
      sendout: s, status: status, attempt: attempt, executedAt: at,
      outcome: status == .success ? .response(status: 200) : .noResponse(.refused))
  }

  @Test func splitsThePlanByEachSendoutsLatestRecord() {
    let plan = (1...6).map { TestSendouts.make($0, via: .distribution, sourceID: $0 == 4 ? "distr_x" : nil) }
    let stranger = TestSendouts.make(99)
    let records = [
      record(plan[0], .retrying, attempt: 1), record(plan[0], .success, attempt: 2),  // delivered on a retry
      record(plan[1], .retrying, attempt: 1), record(plan[1], .retrying, attempt: 2),  // killed mid-schedule
      record(plan[2], .success, attempt: 1), record(plan[3], .failed, attempt: 3),
      record(stranger, .success, attempt: 1),
    ]
    let r = ResumePlan(plan: plan, records: records)
    #expect(r.toSend.map(\.id) == [plan[1].id, plan[4].id, plan[5].id])
    #expect(r.previousAttempts == [plan[1].id: 2])
    #expect((r.delivered, r.retrying, r.unsent) == (2, 1, 2))
    #expect(r.pausedSources == ["distr_x"])
    #expect(r.earlierRecords.count == 6, "the stranger's record belongs to another run")
  }

  @Test func anEmptyLogSendsEverything() {
    let plan = (1...3).map { TestSendouts.make($0) }
    let r = ResumePlan(plan: plan, records: [])
    #expect(r.toSend.map(\.id) == plan.map(\.id))
    #expect(r.unsent == 3 && r.previousAttempts.isEmpty)
  }
}
