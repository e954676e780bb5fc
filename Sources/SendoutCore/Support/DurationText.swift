/// Parses and prints human durations: `250ms`, `10s`, `1.5s`, `2m`, `1h30m`, `24h`, `100us`.
public enum DurationText {
  /// The longest duration accepted anywhere: 36,500 days (100 years). Larger values would overflow
  /// clocks counted in milliseconds once scaled (`--time-scale` up to 1000) or in nanoseconds (load).
  public static let maxMilliseconds = 36_500.0 * 86_400_000

  /// How the limit is written in messages.
  public static let maxText = "36500d (100 years)"

  /// Milliseconds for `text`, or `nil` if it is not a duration with a unit (us, ms, s, m, h, d) from 0
  /// to `maxMilliseconds`.
  public static func milliseconds(_ text: String) -> Double? {
    var rest = Substring(text.trimmingSpaces)
    guard !rest.isEmpty else { return nil }
    var total = 0.0
    while !rest.isEmpty {
      let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
      guard !number.isEmpty, let value = Double(number) else { return nil }
      rest = rest.dropFirst(number.count)
      let unit = rest.prefix { $0.isLetter || $0 == "µ" }
      rest = rest.dropFirst(unit.count)
      guard let factor = factors[String(unit)] else { return nil }
      total += value * factor
      guard total.isFinite, total <= maxMilliseconds else { return nil }
    }
    return total
  }

  private static let factors: [String: Double] = [
    "us": 0.001, "µs": 0.001, "ms": 1, "s": 1000, "m": 60_000, "h": 3_600_000, "d": 86_400_000,
  ]

  /// `1h4m`, `2.5s`, `350ms`, `12µs`: the shortest faithful rendering for reports.
  /// Non-finite values and ones beyond ~31,000 years are written in days, never trapping.
  public static func format(milliseconds ms: Double) -> String {
    guard ms.isFinite else { return ms.isNaN ? "NaN" : (ms > 0 ? "∞" : "-∞") }
    if ms >= 1e15 { return trim(ms / 86_400_000) + "d" }
    if ms < 1 { return trim(ms * 1000) + "µs" }
    if ms < 1000 { return trim(ms) + "ms" }
    if ms < 60_000 { return trim(ms / 1000) + "s" }
    let totalSeconds = Int((ms / 1000).rounded())
    let h = totalSeconds / 3600
    let m = totalSeconds / 60 % 60
    let s = totalSeconds % 60
    return (h > 0 ? "\(h)h" : "") + (m > 0 ? "\(m)m" : "") + (s > 0 ? "\(s)s" : "")
  }

  private static func trim(_ v: Double) -> String {
    let rounded = (v * 100).rounded() / 100
    guard abs(rounded) < 1e15 else { return JSONNumberFormat.javaScript(v) }
    return rounded == rounded.rounded() ? String(Int(rounded)) : JSONNumberFormat.javaScript(rounded)
  }
}
