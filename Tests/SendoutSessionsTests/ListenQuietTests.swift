import Foundation
import SendoutCore
import SendoutIO
import SendoutSessions
import Testing

/// `listen --quiet`: no line per request, a summary (arrivals, verified, failed, rate) once a second and at the end.
@Suite struct ListenQuietTests {
  @Test func theQuietFlagTurnsOffTheBodyScanAndIsReported() throws {
    var quiet = Arguments(["--quiet", "--secret", "s"])
    let (configuration, json, isQuiet) = try ListenOptions.parse(&quiet)
    #expect(isQuiet && !json && !configuration.readsBodyFields)
    var loud = Arguments(["--secret", "s"])
    let (plain, _, notQuiet) = try ListenOptions.parse(&loud)
    #expect(!notQuiet && plain.readsBodyFields)
  }

  @Test func threadsAreParsedWithTheBadValueQuoted() throws {
    var two = Arguments(["--threads", "2"])
    #expect(try ListenOptions.parse(&two).0.server.threads == 2)
    var none = Arguments([])
    // One more than the cores, at most four: the sender usually shares the machine (serve keeps one per core).
    #expect(
      try ListenOptions.parse(&none).0.server.threads == min(4, ProcessInfo.processInfo.activeProcessorCount + 1))
    for bad in ["0", "65", "x"] {
      var arguments = Arguments(["--threads", bad])
      do {
        _ = try ListenOptions.parse(&arguments)
        Issue.record("--threads \(bad) was accepted")
      } catch {
        guard case .usage(let message) = error else {
          Issue.record("not a usage error: \(error)")
          continue
        }
        #expect(message.contains("'\(bad)'") && message.contains("1 to 64"))
      }
    }
  }

  @Test func aListenerOnTwoThreadsCountsEveryRequestOfSeveralConnections() async throws {
    var configuration = ListenerConfiguration(port: 0, secret: "s")
    configuration.server.threads = 2
    let listener = WebhookListener(configuration: configuration)
    try listener.start()
    defer { listener.stop() }
    for n in 0..<6 {
      let sendout = try SingleEventRequest(
        eventType: "voucher.published", seed: UInt64(n + 1), targetURL: listener.baseURL + "/hooks", secret: "s"
      ).sendout()
      let response = try await URLSessionTransport.shared.send(TransportRequest(sendout, timeoutMilliseconds: 5_000))
      #expect(response.status == 200)
    }
    #expect(listener.receivedCount == 6 && listener.received.allSatisfy { $0.signature == .valid })
  }

  @Test func aSummaryIsOneLineOfTextOrJSON() {
    let summary = ListenSummary(arrivals: 91_234, verified: 91_230, failed: 4, rate: 45_101.6)
    let text = ListenText(json: false, ui: false, checksSignatures: true)
    #expect(text.lines(for: .listenSummary(summary)) == ["arrivals 91234  verified 91230  failed 4  45102 req/s"])
    let json = ListenText(json: true, ui: false, checksSignatures: true)
    #expect(
      json.lines(for: .listenSummary(summary)) == [#"{"arrivals":91234,"verified":91230,"failed":4,"rate":45102}"#])
  }

  @Test func theTallyCountsSignaturesAndTheRateSinceTheLastSummary() throws {
    let tally = ListenTally(startingAt: 1_000_000_000)
    let valid = try webhook(signature: VoucherifySignature(secret: "s").sign(Array("{}".utf8)))
    for _ in 0..<6 { tally.record(valid, checksSignatures: true) }
    tally.record(try webhook(signature: String(repeating: "0", count: 64)), checksSignatures: true)
    tally.record(try webhook(signature: nil), checksSignatures: true)
    #expect(
      tally.summary(at: 3_000_000_000) == ListenSummary(arrivals: 8, verified: 6, failed: 2, rate: 4))  // 8 in 2 s
    tally.record(try webhook(signature: nil), checksSignatures: false)  // no secret: an absent one is no failure
    #expect(tally.summary(at: 4_000_000_000) == ListenSummary(arrivals: 9, verified: 6, failed: 2, rate: 1))
  }

  @Test func aQuietListenerReportsNoRequestOnlyAFinalSummary() async throws {
    let log = EventLog()
    let ready = ReadySignal()
    let configuration = ListenerConfiguration(port: 0, secret: "s")
    let task = Task {
      defer { ready.resolve(nil) }
      return try await ListenSession.run(configuration, quiet: true) { event in
        log.record(event)
        if case .listenerStarted(let url, _) = event { ready.resolve(url) }
      }
    }
    let base = try #require(await ready.value())
    for secret in ["s", "s", "wrong"] {
      let sendout = try SingleEventRequest(eventType: "voucher.published", targetURL: base + "/hooks", secret: secret)
        .sendout()
      let response = try await URLSessionTransport.shared.send(TransportRequest(sendout, timeoutMilliseconds: 5_000))
      #expect(response.status == 200)
    }
    task.cancel()
    #expect(try await task.value.received == 3)
    let events = log.all
    #expect(!events.contains { if case .received = $0 { true } else { false } })
    guard case .listenSummary(let last) = events.last else {
      Issue.record("the last event is not a summary: \(String(describing: events.last))")
      return
    }
    #expect(last.arrivals == 3 && last.verified == 2 && last.failed == 1)
  }

  /// A request with `signature` (or none) checked against the secret `s`.
  func webhook(signature: String?) throws -> ReceivedWebhook {
    let headers = signature.map { [HTTPHeader(VoucherifySignature.headerName, $0)] } ?? []
    let message = HTTPMessage(
      head: HTTPHead(startLine: .request(method: "POST", target: "/"), headers: headers), body: Array("{}".utf8))
    return ReceivedWebhook(message: message, secret: "s", receivedAt: Timestamp(milliseconds: 0), respondedStatus: 200)
  }
}
