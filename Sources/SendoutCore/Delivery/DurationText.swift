/// Durations as people type them: `250ms`, `1s`, `1.5s`, `4m`, `1h4m`, `24h` (units ms, s, m, h;
/// parts may be combined largest first). Used by `--retry-schedule`, `--delay` and `--timeout`.
public enum DurationText {
  /// Milliseconds for `text`, or `nil` when it is not a duration (negative values are not durations).
  ///
  /// Examples: `100ms` → 100, `1.5s` → 1500, `1h4m` → 3 840 000, `0` → 0.
  public static func milliseconds(_ text: String) -> Int64? {
    let s = text.trimmingSpaces.lowercased()
    if s == "0" { return 0 }
    guard !s.isEmpty else { return nil }
    let units: [(String, Double)] = [("ms", 1), ("h", 3_600_000), ("m", 60_000), ("s", 1000)]
    var rest = Substring(s)
    var total = 0.0
    var lastScale = Double.infinity
    while !rest.isEmpty {
      let number = rest.prefix { $0.isNumber || $0 == "." }
      guard !number.isEmpty, let value = Double(number) else { return nil }
      rest = rest.dropFirst(number.count)
      guard let (unit, scale) = units.first(where: { rest.hasPrefix($0.0) }), scale < lastScale else { return nil }
      rest = rest.dropFirst(unit.count)
      total += value * scale
      lastScale = scale
    }
    guard total.isFinite, total < 9.0e15 else { return nil }
    return Int64(total.rounded())
  }

  /// A compact rendering of `milliseconds`: `100ms`, `1.5s`, `4m`, `1h4m`, `24h`.
  public static func format(milliseconds ms: Int64) -> String {
    if ms < 1000 { return "\(ms)ms" }
    if ms < 60_000 {
      let tenths = (ms + 50) / 100
      return tenths % 10 == 0 ? "\(tenths / 10)s" : "\(tenths / 10).\(tenths % 10)s"
    }
    let totalSeconds = (ms + 500) / 1000
    let h = totalSeconds / 3600
    let m = totalSeconds / 60 % 60
    let s = totalSeconds % 60
    var out = ""
    if h > 0 { out += "\(h)h" }
    if m > 0 { out += "\(m)m" }
    if s > 0 { out += "\(s)s" }
    return out
  }
}
