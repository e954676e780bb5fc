import SendoutCore
import SendoutTestSupport
import Testing

@testable import SendoutSessions

/// The bench drivers and the listings the CLI prints, called in process.
@Suite struct BenchAndListingTests {
  @Test func aWorldBenchReportsEachOperationWithRedemptionsCappedAtTheVouchers() throws {
    let report = try WorldBench.run(customers: 3, vouchers: 5, lookups: 4, redemptions: 10)
    #expect(report.lines.count == 6 && report.lines[0].hasPrefix("World of 3 customers and 5 vouchers"))
    guard case .array(let figures) = report.json else { Issue.record("not an array: \(report.json)"); return }
    #expect(figures.count == 5)
    let text = JSON.array(figures).compactString
    #expect(text.contains(#""operation":"redeem","count":5,"#))
    // The earning rule's world: a card for each of the 3 customers, then one paid order per redemption.
    #expect(text.contains(#""operation":"publish","count":3,"#) && text.contains(#""operation":"earn","count":5,"#))
  }

  @Test func aRenderBenchGivesBothRatesAndRefusesAnUnknownEvent() throws {
    let report = try RenderBench.run(eventType: "voucher.published", seconds: 0.001)
    #expect(report.lines.map { $0.prefix(11) } == ["render+sign", "resend+sign"])
    #expect(throws: SessionError.self) { try RenderBench.run(eventType: "no.such.event", seconds: 0.001) }
  }

  @Test func anAuditFileMixingLoadLinesAndRecordsIsBadInputAfterItsRows() {
    var contents = AuditLogContents(records: [
      AuditRecord(
        sendout: TestSendouts.make(1), status: .success, attempt: 1, executedAt: Timestamp(milliseconds: 0),
        outcome: .response(status: 200))
    ])
    contents.loadLines = [
      LoadAuditLine(
        sendoutID: "whs_1", succeeded: true, httpStatus: 204, latencyMilliseconds: 1, error: nil,
        intendedMilliseconds: 0, sentMilliseconds: 0)
    ]
    let ending = AuditListing.ending(contents, path: "a.jsonl", status: nil, type: nil, json: false)
    #expect(ending.lines.last == "\n1 load request from a.jsonl")
    #expect(ending.verdict == .badInput("a.jsonl mixes delivery records and load-test lines"))
  }

  @Test func aResendWithNothingToRetryEndsOk() {
    let ending = ResendText(auditPath: "a.jsonl").ending(ResendSession.Result(total: 0, delivered: 0, cancelled: false))
    #expect(ending == CommandEnding(["No FAILED sendouts in a.jsonl."]))
    let partial = ResendText(auditPath: "a.jsonl").ending(
      ResendSession.Result(total: 3, delivered: 2, cancelled: false))
    #expect(partial.verdict == .failed("1 sendout(s) not delivered"))
  }

  @Test func theEventListingEndsWithTheLegendAndCountsRenderableTypes() {
    let lines = EventListing.lines(json: false)
    #expect(lines.count == EventCatalog.all.count + 1)
    #expect(lines.last?.contains("\(EventCatalog.all.filter(\.isRenderable).count) renderable event types") == true)
  }
}
