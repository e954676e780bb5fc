import SendoutCore
import Testing

@Suite struct RetryScheduleTests {
  @Test func voucherifyPresetMatchesTheDocumentedTable() {
    let minutes = RetrySchedule.voucherify.offsets.map { $0 / 60_000 }
    #expect(minutes == [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 1440])
    #expect(RetrySchedule.voucherify.attempts == 13)
    #expect(RetrySchedule.voucherify.description == "1m,2m,4m,8m,16m,32m,1h4m,2h8m,4h16m,8h32m,17h4m,24h")
  }

  @Test func theVoucherifyPresetRoundTripsThroughItsListForm() throws {
    #expect(try RetrySchedule.parse(RetrySchedule.voucherify.description) == .voucherify)
  }

  @Test(
    arguments: [
      ("voucherify", RetrySchedule.voucherify.offsets), ("none", []), ("100ms,1s,5s", [100, 1000, 5000]),
      ("100ms, 200ms, 400ms", [100, 200, 400]), ("1m,2m", [60_000, 120_000]),
    ] as [(String, [Int64])])
  func parses(text: String, offsets: [Int64]) throws {
    #expect(try RetrySchedule.parse(text).offsets == offsets)
  }

  @Test(arguments: ["1s,500ms", "1s,1s", "fast", "1s,,2s", "0ms", "1s,x"])
  func rejects(text: String) {
    #expect(throws: DeliveryError.self) { try RetrySchedule.parse(text) }
  }

  @Test func errorsQuoteTheValueAndSayWhatIsAllowed() {
    do {
      _ = try RetrySchedule.parse("1s,500ms")
      Issue.record("expected an error")
    } catch {
      #expect(error.message.contains("'1s,500ms'"))
      #expect(error.message.contains("voucherify"))
      #expect(error.message.contains("later than"))
    }
  }
}

@Suite struct DeliveryDurationTests {
  @Test(
    arguments: [("100ms", 100), ("1s", 1000), ("1.5s", 1500), ("1h4m", 3_840_000), ("24h", 86_400_000), ("0.4ms", 0)]
      as [(String, Int64)])
  func wholeMilliseconds(text: String, ms: Int64) { #expect(DurationText.wholeMilliseconds(text) == ms) }

  @Test(arguments: ["", "10", "-1s", "1x", "abc"])
  func rejects(text: String) { #expect(DurationText.wholeMilliseconds(text) == nil) }
}
