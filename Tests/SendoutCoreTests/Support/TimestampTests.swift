import SendoutCore
import Testing

@Suite struct TimestampTests {
  /// Milliseconds computed with Python's `datetime` (proleptic Gregorian, UTC).
  static let known: [(String, Int64)] = [
    ("1970-01-01T00:00:00.000Z", 0),
    ("2024-02-29T12:34:56.789Z", 1_709_210_096_789),
    ("2000-02-29T00:00:00.000Z", 951_782_400_000),
    ("1900-03-01T00:00:00.000Z", -2_203_891_200_000),
    ("1969-12-31T23:59:59.999Z", -1),
    ("1960-02-29T06:00:00.001Z", -310_499_999_999),
    ("2100-02-28T23:59:59.999Z", 4_107_542_399_999),
    ("0001-01-01T00:00:00.000Z", -62_135_596_800_000),
    ("9999-12-31T23:59:59.999Z", 253_402_300_799_999),
    ("2016-05-04T00:00:00.000Z", 1_462_320_000_000),
    ("2038-01-19T03:14:08.000Z", 2_147_483_648_000),
  ]

  @Test(arguments: known)
  func formatsAndParses(_ text: String, _ ms: Int64) {
    #expect(Timestamp(milliseconds: ms).iso8601 == text)
    #expect(Timestamp(iso8601: text) == Timestamp(milliseconds: ms))
  }

  static let shapes: [(String, Int64)] = [
    ("2024-01-01", 1_704_067_200_000),
    ("2024-01-01T11:11:11Z", 1_704_107_471_000),
    ("2024-01-01T11:11:11.1Z", 1_704_107_471_100),
    ("2024-01-01T11:11:11.12Z", 1_704_107_471_120),
    ("2024-01-01T11:11:11.123456Z", 1_704_107_471_123),  // sub-millisecond digits are dropped
    ("2024-12-31T23:59:60Z", 1_735_689_600_000),  // a leap second rolls over, as RFC 3339 allows it
  ]

  @Test(arguments: shapes)
  func parsesOtherShapes(_ text: String, _ ms: Int64) {
    #expect(Timestamp(iso8601: text)?.milliseconds == ms)
  }

  static let malformed: [String] = [
    "", "2024", "2024-1-01", "2024-01-1", "2024/01/01", "2024-00-01", "2024-13-01", "2024-01-00", "2024-01-32",
    "2023-02-29", "2024-02-30", "2024-04-31", "1900-02-29T00:00:00Z", "2024-01-01T", "2024-01-01T11:11:11",
    "2024-01-01T24:00:00Z", "2024-01-01T11:60:00Z", "2024-01-01T11:11:61Z", "2024-01-01T11:11:11.Z",
    "2024-01-01T11:11:11.12aZ", "2024-01-01T11:11:11+02:00", "2024-01-01 11:11:11Z", "2024-01-01T11:11:11ZZ",
    "2024-05-13T10: 24: 01.084Z", "２０２４-01-01", "+2024-01-01", "2024-01-01T11:11:11.111z",
  ]

  @Test(arguments: malformed)
  func rejectsMalformed(_ text: String) {
    #expect(Timestamp(iso8601: text) == nil)
  }

  /// Every day from 1899 to 2101 survives a format/parse round trip and advances by one day.
  @Test func everyDayRoundTrips() {
    let start = Timestamp(iso8601: "1899-12-31T00:00:00.000Z")!
    var previous = start.iso8601
    for day in 1...(202 * 366) {
      let t = start.adding(milliseconds: Int64(day) * 86_400_000 + Int64(day % 86_400_000))
      let text = t.iso8601
      #expect(Timestamp(iso8601: text) == t, "\(text)")
      #expect(text > previous)
      previous = text
      if text.hasPrefix("2102") { break }
    }
  }

  /// Past 9999-12-31T23:59:59.999Z the ISO-8601 text needs a fifth year digit that nothing reads back (the journal,
  /// the audit log): a leap second there used to roll into year 10000, and `adding` overflowed Int64 with a trap.
  @Test func clocksStopAtTheLastFourDigitYear() {
    #expect(Timestamp(iso8601: "9999-12-31T23:59:60Z") == nil)
    #expect(Timestamp(iso8601: "9999-12-31T23:59:59.999Z") == .latest)
    #expect(Timestamp.latest.adding(milliseconds: 1) == .latest)
    #expect(Timestamp(milliseconds: 0).adding(milliseconds: .max) == .latest)
    #expect(Timestamp(milliseconds: -1).adding(milliseconds: .min) == .earliest)
    #expect(Timestamp.earliest.iso8601 == "0000-01-01T00:00:00.000Z")
    #expect(Timestamp.latest.adding(milliseconds: -1).canAdvance(milliseconds: 1))
    #expect(!Timestamp.latest.adding(milliseconds: -1).canAdvance(milliseconds: 2))
    #expect(!Timestamp(milliseconds: 0).canAdvance(milliseconds: .max))
  }

  /// Years past 9999 (a `Timestamp` made from raw milliseconds) keep the padded text the fixed-width writer skips.
  @Test func fiveDigitYearsAreWrittenInFull() {
    #expect(Timestamp(milliseconds: Timestamp.latest.milliseconds + 1).iso8601 == "10000-01-01T00:00:00.000Z")
  }

  @Test func orderingAndDescription() {
    let a = Timestamp(milliseconds: 1)
    let b = a.adding(milliseconds: 1)
    #expect(a < b)
    #expect(b.description == "1970-01-01T00:00:00.002Z")
  }
}
