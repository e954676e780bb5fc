import Foundation

/// The axis arithmetic of Sendout's SVG charts, kept apart so it can be tested as plain math: "nice" linear ticks
/// (1, 2 or 5 × 10ⁿ apart) and HdrHistogram's percentile axis, where a percentile p sits at log₁₀(1 / (1 − p)) so
/// 0 %, 90 %, 99 %, 99.9 % … are equally spaced.
public enum ChartTicks {
  /// Ticks from 0 covering `max` with about `count` steps of 1, 2 or 5 × 10ⁿ; `top` is the last tick (≥ `max`).
  /// An empty or non-positive range gets the ticks of 0…1.
  public static func linear(max: Double, count: Int = 5) -> (top: Double, ticks: [Double]) {
    let upper = max.isFinite && max > 0 ? max : 1
    let raw = upper / Double(Swift.max(1, count))
    let power = pow(10, (log10(raw)).rounded(.down))
    let step = [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= raw * (1 - 1e-9) } ?? 10 * power
    let steps = Int((upper / step * (1 - 1e-9)).rounded(.up))
    let ticks = (0...Swift.max(1, steps)).map { Double($0) * step }
    return (ticks.last ?? upper, ticks)
  }

  /// How many "nines" the percentile axis shows for `totalCount` values: enough that its last tick is a
  /// percentile the data resolves (99 % for 100 values, 99.9 % for 1,000), from 2 to 6.
  public static func percentileNines(totalCount: Int64) -> Int {
    guard totalCount > 1 else { return 2 }
    return Swift.min(6, Swift.max(2, Int(log10(Double(totalCount)).rounded(.up))))
  }

  /// Where `percentile` (0…100) sits on an axis of `nines` decades: log₁₀(1 / (1 − p)), capped at `nines`
  /// (100 % itself, at infinity, is drawn at the end of the axis).
  public static func percentilePosition(_ percentile: Double, nines: Int) -> Double {
    let remaining = 1 - Swift.min(Swift.max(percentile, 0), 100) / 100
    guard remaining > 0 else { return Double(nines) }
    return Swift.min(Double(nines), log10(1 / remaining))
  }

  /// The label of the tick `nines` decades along the percentile axis: 0 %, 90 %, 99 %, 99.9 %, 99.99 % …
  public static func percentileLabel(nines: Int) -> String {
    switch nines {
    case ...0: return "0%"
    case 1: return "90%"
    case 2: return "99%"
    default: return "99." + String(repeating: "9", count: nines - 2) + "%"
    }
  }

  /// A tick value as short text: no trailing zeros, at most three decimals (`0.25`, `2`, `1500`).
  public static func label(_ value: Double) -> String {
    var text = String(format: "%.3f", value)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text == "-0" ? "0" : text
  }
}
