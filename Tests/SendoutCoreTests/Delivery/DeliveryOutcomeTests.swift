import SendoutCore
import Testing

@Suite struct DeliveryOutcomeTests {
  static let outcomes: [DeliveryOutcome] = [
    .response(status: 200), .response(status: 204), .response(status: 500), .response(status: 301),
    .noResponse(.timeout(milliseconds: 10_000)), .noResponse(.timeout(milliseconds: 1_500)), .noResponse(.refused),
    .noResponse(.hostNotFound), .noResponse(.closedBeforeResponse), .noResponse(.closedMidResponse),
    .noResponse(.malformedResponse), .noResponse(.notHTTP), .noResponse(.tlsFailed), .noResponse(.noNetwork),
    .noResponse(.unsupportedURL), .noResponse(.invalidURL("ftp://x/")), .noResponse(.cancelled),
    .noResponse(.other("connection error -1017")), .cancelledBefore(attempt: 1), .cancelledBefore(attempt: 4),
    .skipped(.distribution, sourceID: "distr_A"), .skipped(.webhook, sourceID: "wh_B"),
  ]

  @Test(arguments: outcomes) func readsBackFromItsAuditFields(_ outcome: DeliveryOutcome) {
    #expect(DeliveryOutcome(httpStatus: outcome.httpStatus, error: outcome.error) == outcome)
  }

  @Test func textsAreTheOnesTheAuditLogHasAlwaysHad() {
    #expect(DeliveryOutcome.response(status: 200).error == nil)
    #expect(DeliveryOutcome.response(status: 503).error == "HTTP 503")
    #expect(DeliveryOutcome.noResponse(.timeout(milliseconds: 10_000)).error == "timeout after 10s")
    #expect(DeliveryOutcome.cancelledBefore(attempt: 1).error == "cancelled before the first attempt")
    #expect(DeliveryOutcome.cancelledBefore(attempt: 3).error == "cancelled before attempt 3")
    #expect(
      DeliveryOutcome.skipped(.distribution, sourceID: "distr_A").error
        == "not sent: distribution distr_A is paused after a sendout failed every attempt")
  }

  @Test func anUnknownTextIsKeptAsIs() {
    #expect(DeliveryOutcome(httpStatus: nil, error: "gremlins") == .noResponse(.other("gremlins")))
    #expect(
      DeliveryOutcome(httpStatus: nil, error: "cancelled before attempt x")
        == .noResponse(.other("cancelled before attempt x")))
  }

  @Test func onlyA2xxIsASuccessAndOnlyCancellationsAreCancellations() {
    #expect(outcomesWhere(\.isSuccess) == [.response(status: 200), .response(status: 204)])
    #expect(
      outcomesWhere(\.isCancellation) == [
        .noResponse(.cancelled), .cancelledBefore(attempt: 1), .cancelledBefore(attempt: 4),
      ])
  }

  private func outcomesWhere(_ predicate: (DeliveryOutcome) -> Bool) -> [DeliveryOutcome] {
    Self.outcomes.filter(predicate)
  }
}
