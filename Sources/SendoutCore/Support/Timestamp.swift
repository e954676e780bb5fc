/// A point in time in whole milliseconds since the Unix epoch, the resolution Voucherify's timestamps use.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// Milliseconds since 1970-01-01T00:00:00Z.
  public var milliseconds: Int64

  /// Creates a timestamp.
  public init(milliseconds: Int64) { self.milliseconds = milliseconds }

  /// The last time ISO-8601 with a four-digit year can write, `9999-12-31T23:59:59.999Z`: the journal, the audit log
  /// and every body would be unreadable past it, so clocks refuse to go further.
  public static let latest = Timestamp(milliseconds: 253_402_300_799_999)
  /// The first such time, `0000-01-01T00:00:00.000Z`.
  public static let earliest = Timestamp(milliseconds: -62_167_219_200_000)

  /// This timestamp moved by `ms` milliseconds, stopping at `earliest` and `latest` (never overflowing).
  public func adding(milliseconds ms: Int64) -> Timestamp {
    let (sum, overflow) = milliseconds.addingReportingOverflow(ms)
    if overflow { return ms > 0 ? .latest : .earliest }
    return Timestamp(milliseconds: min(max(sum, Timestamp.earliest.milliseconds), Timestamp.latest.milliseconds))
  }

  /// Whether moving this timestamp by `ms` milliseconds stays at or before `latest`.
  public func canAdvance(milliseconds ms: Int64) -> Bool {
    ms <= Timestamp.latest.milliseconds - min(milliseconds, Timestamp.latest.milliseconds)
  }

  /// Whether `a` is earlier than `b`.
  public static func < (a: Timestamp, b: Timestamp) -> Bool { a.milliseconds < b.milliseconds }

  /// ISO-8601 UTC with milliseconds, e.g. `2024-01-01T11:11:11.111Z`.
  public var iso8601: String {
    var fits = true
    let text = String(unsafeUninitializedCapacity: 24) { out in
      fits = writeISO8601(into: out)
      return fits ? 24 : 0
    }
    return fits ? text : paddedISO8601
  }

  /// Writes the 24 bytes of `iso8601` at the start of `out` (24 bytes or more) and returns true, for a year in
  /// 0...9999 (every clamped time); returns false, writing nothing, for other years.
  func writeISO8601(into out: UnsafeMutableBufferPointer<UInt8>) -> Bool {
    let ms = milliseconds
    let days = ms >= 0 ? ms / 86_400_000 : (ms - 86_399_999) / 86_400_000
    let msOfDay = ms - days * 86_400_000
    let (y, m, d) = Timestamp.civil(fromDays: days)
    guard (0...9999).contains(y), out.count >= 24 else { return false }
    func digits(_ v: Int64, _ width: Int, at start: Int) {
      var v = v
      for i in stride(from: start + width - 1, through: start, by: -1) {
        out[i] = UInt8(truncatingIfNeeded: v % 10) &+ 0x30
        v /= 10
      }
    }
    digits(y, 4, at: 0)
    digits(m, 2, at: 5)
    digits(d, 2, at: 8)
    digits(msOfDay / 3_600_000, 2, at: 11)
    digits(msOfDay / 60_000 % 60, 2, at: 14)
    digits(msOfDay / 1000 % 60, 2, at: 17)
    digits(msOfDay % 1000, 3, at: 20)
    (out[4], out[7], out[10], out[13], out[16], out[19], out[23]) = (45, 45, 84, 58, 58, 46, 90)  // - - T : : . Z
    return true
  }

  /// `iso8601` for any year, by string padding (years outside 0...9999 only).
  private var paddedISO8601: String {
    let ms = milliseconds
    let days = ms >= 0 ? ms / 86_400_000 : (ms - 86_399_999) / 86_400_000
    let msOfDay = ms - days * 86_400_000
    let (y, m, d) = Timestamp.civil(fromDays: days)
    let h = msOfDay / 3_600_000
    let mi = msOfDay / 60_000 % 60
    let s = msOfDay / 1000 % 60
    let frac = msOfDay % 1000
    return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(h, 2)):\(pad(mi, 2)):\(pad(s, 2)).\(pad(frac, 3))Z"
  }

  /// `iso8601`.
  public var description: String { iso8601 }

  /// Parses `YYYY-MM-DDTHH:MM:SS[.fff…]Z` or `YYYY-MM-DD` (UTC); `nil` otherwise, and past `latest` (a leap second).
  public init?(iso8601 text: String) {
    let b = Array(text.utf8)
    func num(_ r: Range<Int>) -> Int64? {
      guard r.upperBound <= b.count else { return nil }
      var v: Int64 = 0
      for i in r {
        guard b[i] >= 48 && b[i] <= 57 else { return nil }
        v = v * 10 + Int64(b[i] - 48)
      }
      return v
    }
    guard b.count >= 10, b[4] == 45, b[7] == 45, let y = num(0..<4), let mo = num(5..<7), let d = num(8..<10),
      (1...12).contains(mo), (1...Timestamp.daysInMonth(y, mo)).contains(d)
    else { return nil }
    var ms = Timestamp.days(fromCivil: y, mo, d) * 86_400_000
    if b.count > 10 {
      guard b.count >= 20, b[10] == 84, b[13] == 58, b[16] == 58, b.last == 90, let h = num(11..<13),
        let mi = num(14..<16), let s = num(17..<19), h < 24, mi < 60, s < 61
      else { return nil }
      ms += ((h * 60 + mi) * 60 + s) * 1000
      if b[19] == 46 {
        let digits = b[20..<(b.count - 1)]
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        var frac: Int64 = 0
        for (i, c) in digits.prefix(3).enumerated() { frac += Int64(c - 48) * [100, 10, 1][i] }
        ms += frac
      } else if b.count != 20 {
        return nil
      }
    }
    guard ms <= Timestamp.latest.milliseconds else { return nil }
    self.init(milliseconds: ms)
  }

  /// 28–31: the length of month `m` of year `y` (proleptic Gregorian).
  static func daysInMonth(_ y: Int64, _ m: Int64) -> Int64 {
    switch m {
    case 2: (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  // Howard Hinnant's civil-from-days / days-from-civil, proleptic Gregorian.
  static func civil(fromDays z0: Int64) -> (Int64, Int64, Int64) {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }

  static func days(fromCivil y0: Int64, _ m: Int64, _ d: Int64) -> Int64 {
    let y = m <= 2 ? y0 - 1 : y0
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }
}

private func pad(_ v: Int64, _ width: Int) -> String {
  let s = String(v)
  return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
