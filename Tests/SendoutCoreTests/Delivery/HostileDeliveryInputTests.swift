import SendoutCore
import SendoutTestSupport
import Testing

/// Delivery settings that used to slip through: header injection, malformed target URLs, and an
/// invalid URL retried for a whole day.
@Suite struct HostileDeliveryInputTests {
  @Test(arguments: ["x-a: v\r\nx-b: 1", "x-a: v\nx", "x-a: \u{0}", "x-a: \u{7F}"])
  func headerValuesWithControlCharactersAreRefused(_ text: String) {
    #expect(throws: DeliveryError.self) { try CustomHeader.parse(text) }
  }

  @Test func tabsAndUnicodeInHeaderValuesAreFine() throws {
    #expect(try CustomHeader.parse("x-a: a\tb é").value == "a\tb é")
  }

  @Test(arguments: [
    "http://[::1", "http://::1]/x", "http://host:99999/x", "http://host:8x/", "http://ho st/", "http://h:1:2/",
    "http://[]/", "http://\u{1}/", "https://é.example/",
  ])
  func malformedTargetsAreRefused(_ url: String) {
    #expect(throws: DeliveryError.self) { try TransportRequest.validate(url: url) }
  }

  @Test(arguments: [
    "http://127.0.0.1:8080/webhooks", "https://example.com", "http://[::1]:3000/h?x=1", "http://user:pw@host/x",
    "http://localhost:/x",
  ])
  func wellFormedTargetsPass(_ url: String) throws {
    try TransportRequest.validate(url: url)
  }

  @Test func anInvalidURLFailsAtOnceInsteadOfRetryingAllDay() {
    var machine = DeliveryMachine(configuration: .voucherify)
    let sendout = TestSendouts.make(1)
    machine.enqueue(sendout)
    let now = Timestamp(milliseconds: 1_710_337_500_000)
    _ = machine.poll(now: now)
    let actions = machine.attemptFinished(sendoutID: sendout.id, finishedAt: now, result: .failure(.invalidURL("x")))
    guard case .record(let record)? = actions.first else {
      Issue.record("expected a record, got \(actions)")
      return
    }
    #expect(record.status == .failed)
    #expect(record.attempt == 1)
  }
}

/// Scenario files get the same checks as the command line.
@Suite struct HostileScenarioDeliveryTests {
  @Test(arguments: [
    #"{"version":1,"project":{"webhooks":[{"target_url":"http://[::1"}]}}"#,
    #"{"version":1,"project":{"webhooks":[{"target_url":"ftp://x/"}]}}"#,
    #"{"version":1,"project":{"webhooks":[{"headers":{"x-a":"v\r\nx-b: 1"}}]}}"#,
  ])
  func badTargetsAndHeaderValuesAreErrorsWithAPath(_ text: String) {
    #expect {
      try ScenarioLoader(file: "t.json", environment: [:]).load(Array(text.utf8))
    } throws: { error in
      (error as? ScenarioError)?.path.hasPrefix("project.webhooks.0.") == true
    }
  }
}
