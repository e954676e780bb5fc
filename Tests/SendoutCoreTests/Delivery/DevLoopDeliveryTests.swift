import Foundation
import SendoutCore
import SendoutTestSupport
import Testing

/// Issue 21 in the pure core: a pause belongs to a source at one target URL; CI's compressed schedule fits in
/// 2 minutes; `fire --body` keeps the body's `id`.
@Suite struct DevLoopDeliveryTests {
  func record(_ n: Int, _ status: AuditStatus, to url: String, password: String = "") -> AuditRecord {
    let target = password.isEmpty ? url : url.replacingOccurrences(of: "://", with: "://u:\(password)@")
    return AuditRecord(
      sendout: TestSendouts.make(n, to: target, sourceID: "wh_A"), status: status, attempt: 1,
      executedAt: Timestamp(milliseconds: 1_710_337_500_000), outcome: .noResponse(.refused))
  }

  @Test func aFailureAtOneURLPausesTheSourceThereOnly() {
    let summary = AuditSummary([record(1, .failed, to: "http://a/x"), record(2, .success, to: "http://b/y")])
    let atA = SendoutSource(id: "wh_A", object: .webhook, targetURL: "http://a/x")
    let atB = SendoutSource(id: "wh_A", object: .webhook, targetURL: "http://b/y")
    #expect(summary.pause(of: atA)?.sendoutID == TestSendouts.make(1).id, "the record that paused it")
    #expect(summary.pause(of: atB) == nil)
    #expect(summary.pausedSources == ["wh_A"], "a success at another URL does not set the first one live")
    let live = AuditSummary([record(1, .failed, to: "http://a/x"), record(2, .success, to: "http://a/x")])
    #expect(live.pause(of: atA) == nil)
  }

  @Test func aPasswordInTheURLDoesNotMakeAnotherWebhook() {
    let summary = AuditSummary([record(1, .failed, to: "http://a/x", password: "pw")])
    let source = SendoutSource(id: "wh_A", object: .webhook, targetURL: "http://u:pw@a/x")
    #expect(summary.pause(of: source) != nil)
  }

  /// The 2-minute bound as arithmetic: 13 attempts, the last one starting and timing out within 120 s of the first.
  @Test(arguments: [Int64(10_000), 1, 30_000, 119_000, 86_400_000])
  func theCIScheduleFitsInTwoMinutes(_ timeout: Int64) throws {
    let policy = try RetryPolicy.compressedForCI(timeoutMilliseconds: timeout)
    #expect(policy.maxAttempts == 13)
    #expect(policy.timeoutMilliseconds == timeout)
    let last = try #require(policy.offset(ofAttempt: 13))
    if timeout <= 110_000 {
      #expect(last + timeout <= RetryPolicy.ciBudgetMilliseconds)
    } else {
      #expect(last <= 10_000, "a timeout that leaves less of the budget gets a 10 s schedule")
    }
    #expect(last > 0)
    let offsets = (1...13).compactMap { policy.offset(ofAttempt: $0) }
    #expect(offsets == offsets.sorted() && Set(offsets).count == 13, "still 13 distinct, increasing attempts")
  }

  @Test func theDefaultCIScheduleEndsAt1m50s() throws {
    let policy = try RetryPolicy.compressedForCI(timeoutMilliseconds: RetryPolicy.voucherifyTimeoutMilliseconds)
    #expect(policy.offset(ofAttempt: 13) == 109_999)
    #expect(policy.offset(ofAttempt: 2) == 76)
  }

  @Test(arguments: [
    (#"{"id":"evt_1","type":"ping"}"#, "evt_1"),
    (#"{"id":"whs_0a1b:2-c.d_e","n":1}"#, "whs_0a1b:2-c.d_e"),
  ])
  func aCustomBodyKeepsItsID(_ body: String, _ id: String) throws {
    let sendout = try SingleEventRequest(eventType: "custom").sendout(customBody: Array(body.utf8))
    #expect(sendout.id == id)
    #expect(sendout.body == Array(body.utf8), "sent exactly as given")
  }

  @Test(arguments: [#"{"type":"ping"}"#, #"{"id":"a b"}"#, #"{"id":""}"#, #"{"id":7}"#, #"{"id":"x\u001b[2J"}"#])
  func aBodyWithoutAPlainIDGetsAFreshOne(_ body: String) throws {
    let sendout = try SingleEventRequest(eventType: "custom").sendout(customBody: Array(body.utf8))
    #expect(sendout.id.hasPrefix("whs_"))
  }

  @Test func setIDChangesTheRecordedID() throws {
    var request = SingleEventRequest(eventType: "custom")
    request.edits = [.set(path: ["id"], value: .string("evt_set"))]
    let sendout = try request.sendout(customBody: Array(#"{"id":"evt_1"}"#.utf8))
    #expect(sendout.id == "evt_set")
  }
}
