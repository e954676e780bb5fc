import Foundation
import SendoutCore
import SendoutIO
import Testing

/// Issue 19's restart, as it was reported: `sendout serve --state` on the wall clock (no `--at`), several clients at
/// once creating customers, orders and redemptions whose webhooks are delivered, then `kill -9` and a restart, twice.
/// Every object answers with the id and time it had, and no delivered webhook goes out again.
@Suite(.timeLimit(.minutes(1))) struct ServeReplayTests {
  typealias ServeProcess = ServeStateTests.ServeProcess

  /// What one client's checkout made: the paths that read each object back and the time each answered with.
  typealias Made = [(path: String, time: JSON?)]

  /// One checkout: a customer with a name and email, a voucher published to them, an order of the application's
  /// `source_id`, and a redemption naming a new customer (created by the redemption).
  static func checkout(_ serve: ServeProcess, _ n: String) async throws -> Made {
    let (_, customer) = try await serve.call(
      "POST", "/v1/customers", body: #"{"source_id":"c-\#(n)","name":"C \#(n)","email":"c\#(n)@shop.test"}"#)
    let (_, publication) = try await serve.call(
      "POST", "/v1/publications", body: #"{"customer":{"source_id":"c-\#(n)"},"campaign":{"name":"Welcome Offer"}}"#)
    let code = try #require(publication.value(atPath: "voucher.code")?.stringValue, "\(publication)")
    let (_, order) = try await serve.call("POST", "/v1/orders", body: #"{"source_id":"o-\#(n)","amount":1000}"#)
    let (status, redeemed) = try await serve.call(
      "POST", "/v1/redemptions",
      body: #"{"redeemables":[{"object":"voucher","id":"\#(code)"}],"order":{"amount":20000},"#
        + #""customer":{"source_id":"r-\#(n)","name":"R \#(n)"}}"#)
    #expect(status == 200, "\(redeemed)")
    let redemption = try #require(redeemed.value(atPath: "redemptions.0"))
    let ids = [customer["id"], order["id"], redeemed.value(atPath: "order.id"), redemption["id"]]
    let paths = ["/v1/customers/", "/v1/orders/", "/v1/orders/", "/v1/redemptions/"]
    var made: Made = []
    for (path, id) in zip(paths, ids) { made.append((path + (try #require(id?.stringValue)), nil)) }
    made[0].time = customer["created_at"]
    made[1].time = order["created_at"]
    made[2].time = redeemed.value(atPath: "order.created_at")
    made[3].time = redemption["date"]
    made.append(("/v1/vouchers/\(code)", publication.value(atPath: "voucher.created_at")))
    return made
  }

  /// Six checkouts from three clients at once.
  static func checkouts(_ serve: ServeProcess, round: Int) async throws -> Made {
    try await withThrowingTaskGroup(of: Made.self) { group in
      for client in 0..<3 {
        group.addTask {
          var made: Made = []
          for n in 0..<2 { made += try await checkout(serve, "\(round)-\(client)-\(n)") }
          return made
        }
      }
      return try await group.reduce(into: []) { $0 += $1 }
    }
  }

  /// Waits (at most 10 s) until the delivery queue is idle and the audit log holds a final SUCCESS record of every
  /// webhook the listener received; how many that is, or `nil` when it never was.
  static func delivered(_ serve: ServeProcess, _ listener: WebhookListener) async throws -> Int? {
    for _ in 0..<1_000 {
      let (_, queue) = try await serve.call("GET", "/_sendout/delivery")
      let idle = queue["queued"] == 0 && queue["in_flight"] == 0 && queue["waiting_retry"] == 0
      let (_, list) = try await serve.call("GET", "/_sendout/sendouts?status=SUCCESS")
      let received = listener.receivedCount
      if idle, list["total"]?.intValue == received { return received }
      try await Task.sleep(nanoseconds: 10_000_000)
    }
    return nil
  }

  @Test func twoKill9RestartsOnTheWallClockKeepEveryIDAndTimeAndResendNothing() async throws {
    let (state, audit) = (
      NSTemporaryDirectory() + "sendout-replay-\(UUID().uuidString)",
      NSTemporaryDirectory() + "sendout-replay-audit-\(UUID().uuidString)"
    )
    defer { for path in [state, audit] { try? FileManager.default.removeItem(atPath: path) } }
    let listener = WebhookListener(configuration: ListenerConfiguration(port: 0, secret: "whsec"))
    try listener.start()
    defer { listener.stop() }
    let target = listener.baseURL + "/webhooks"
    var made: Made = []
    var serve = try ServeProcess(state: state, audit: audit, to: target)
    for round in 0..<2 {
      made += try await Self.checkouts(serve, round: round)
      let sent = try #require(try await Self.delivered(serve, listener), "every webhook delivered and recorded")
      #expect(sent > 0)
      serve.kill()
      serve = try ServeProcess(state: state, audit: audit, to: target)
      #expect(serve.firstLine.contains("0 undelivered sendouts resumed"), "\(serve.firstLine)")
      for (path, time) in made {
        let (status, again) = try await serve.call("GET", path)
        #expect(status == 200, "\(path) after restart \(round + 1): \(again)")
        #expect(
          (again["created_at"] ?? again["date"]) == time, "\(path) after restart \(round + 1) keeps its time")
      }
      // A call after the restart: its webhook arrives after anything the restart would have sent again.
      let (created, _) = try await serve.call("POST", "/v1/customers", body: #"{"source_id":"after-\#(round)"}"#)
      #expect(created == 200)
      let arrived = await listener.waitForRequests(count: sent + 1, timeoutMilliseconds: 10_000)
      #expect(arrived.last?.eventType == "customer.created")
      #expect(listener.receivedCount == sent + 1, "nothing delivered before the kill was sent again")
      let ids = listener.received.compactMap(\.sendoutID)
      #expect(Set(ids).count == ids.count, "each sendout once")
    }
    serve.kill()
  }
}
