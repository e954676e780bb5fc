import SendoutCore
import SendoutTestSupport
import Testing

/// `run --duplicates F --reorder N` (issue 12 §3): the seeded arrangement, the machine's duplicate attempts,
/// and how the audit log and summaries read them.
@Suite struct DeliveryChaosTests {
  let plan = (1...20).map { TestSendouts.make($0) }

  func simulate(
    _ arranged: [DeliveryChaos.Arranged], outcome: (String, Int) -> Result<TransportResponse, TransportError>
  )
    throws -> MachineSimulation
  {
    var sim = MachineSimulation(try DeliveryConfiguration(policy: RetryPolicy(schedule: .none), maxInFlight: 1), [])
    for a in arranged {
      sim.machine.enqueue(a.sendout, plannedPosition: a.plannedPosition, duplicateAfter: a.duplicateAfter)
    }
    sim.run(outcome: outcome)
    return sim
  }

  @Test func theArrangementIsSeededAndShufflesOnlyWithinWindows() {
    let chaos = DeliveryChaos(duplicateFraction: 0.25, reorderWindow: 4, seed: 7)
    let arranged = chaos.arrange(plan)
    #expect(arranged == chaos.arrange(plan), "same seed, same arrangement")
    #expect(arranged != DeliveryChaos(duplicateFraction: 0.25, reorderWindow: 4, seed: 8).arrange(plan))
    let positions = arranged.compactMap(\.plannedPosition)
    #expect(positions.count == 20 && positions != Array(1...20), "shuffled")
    for window in 0..<5 {
      #expect(Set(positions[(window * 4)..<(window * 4 + 4)]) == Set((window * 4 + 1)...(window * 4 + 4)))
    }
    let duplicates = arranged.enumerated().filter { $0.element.duplicateAfter != nil }
    #expect(duplicates.count == 5, "round(0.25 × 20)")
    #expect(duplicates.allSatisfy { ($0.element.duplicateAfter ?? 0) > $0.offset + 1 }, "later in the run")
    #expect(DeliveryChaos(seed: 1).arrange(plan).allSatisfy { $0.plannedPosition == nil && $0.duplicateAfter == nil })
  }

  @Test func aDuplicateResendsTheSameBytesAfterSuccessLaterInTheRun() throws {
    let arranged = DeliveryChaos(duplicateFraction: 0.3, seed: 3).arrange(plan)
    let sim = try simulate(arranged) { _, _ in ok }
    let duplicates = sim.records.filter(\.duplicate)
    #expect(duplicates.count == 6)
    #expect(duplicates.allSatisfy { $0.status == .success && $0.attempt == 2 })
    for d in duplicates {
      let sends = sim.sent.filter { $0.id == d.sendoutID }
      #expect(sends.count == 2 && sends[0].request == sends[1].request, "same id, headers and bytes")
      let first = try #require(sim.records.firstIndex { $0.sendoutID == d.sendoutID })
      let again = try #require(sim.records.firstIndex { $0.sendoutID == d.sendoutID && $0.duplicate })
      #expect(again > first + 1, "re-delivered after other sendouts")
    }
    var report = DeliveryReport()
    report.records = sim.records
    #expect(report.allDelivered)
  }

  @Test func anUnacknowledgedDuplicateIsRecordedButNeverFailsTheSendoutOrPausesItsSource() throws {
    let arranged = DeliveryChaos(duplicateFraction: 0.5, seed: 9).arrange(plan)
    let sim = try simulate(arranged) { _, attempt in attempt == 1 ? ok : .success(TransportResponse(status: 409)) }
    let duplicates = DuplicateReport(sim.records)
    #expect(duplicates.sent == 10 && duplicates.acknowledged == 0)
    #expect(duplicates.notAcknowledged.allSatisfy { $0.status == .failed && $0.httpStatus == 409 })
    #expect(sim.paused.isEmpty)
    let summary = AuditSummary(sim.records)
    #expect(summary.rows.allSatisfy { $0.latest.status == .success })
    #expect(summary.pausedSources.isEmpty)
    #expect(summary.rows.filter { $0.attempts == 2 }.count == 10, "a duplicate is an attempt of its sendout")
    #expect(!duplicates.check.passed && duplicates.check.detail == "0/10 duplicates answered 2xx")
    #expect(duplicates.lines.first?.contains("10 not") == true)
  }

  @Test func aSendoutThatFailedGetsNoDuplicate() throws {
    let own = (1...4).map { TestSendouts.make($0, sourceID: "wh_Source\($0)") }  // a failure pauses only its own
    let arranged = DeliveryChaos(duplicateFraction: 1, seed: 1).arrange(own)
    let sim = try simulate(arranged) { id, _ in id == own[0].id ? serverError : ok }
    #expect(sim.records.filter(\.duplicate).map(\.sendoutID).sorted() == own[1..<4].map(\.id).sorted())
  }

  @Test func duplicateAndPlannedPositionRoundTripAndOldRecordsReadAsBefore() throws {
    let sendout = TestSendouts.make(1)
    let record = AuditRecord(
      sendout: sendout, status: .failed, attempt: 2, executedAt: Timestamp(milliseconds: 0),
      outcome: .response(status: 409), duplicate: true, plannedPosition: 3)
    let line = String(decoding: record.line, as: UTF8.self)
    #expect(line.contains(#""attempt":2,"duplicate":true,"planned_position":3,"#))
    #expect(try AuditRecord(json: JSONParser.parse(line)) == record)
    let plain = AuditRecord(
      sendout: sendout, status: .success, attempt: 1, executedAt: Timestamp(milliseconds: 0),
      outcome: .response(status: 200))
    let old = String(decoding: plain.line, as: UTF8.self)
    #expect(!old.contains("duplicate") && !old.contains("planned_position"))
    let read = try AuditRecord(json: JSONParser.parse(old))
    #expect(!read.duplicate && read.plannedPosition == nil)
    let bad = old.replacingOccurrences(of: #""attempt":1,"#, with: #""attempt":1,"duplicate":"yes","#)
    #expect(throws: AuditLogError.Field.self) { try AuditRecord(json: JSONParser.parse(bad)) }
  }
}
