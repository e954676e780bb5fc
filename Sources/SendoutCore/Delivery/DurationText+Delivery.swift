extension DurationText {
  /// Whole milliseconds for `text` (rounded), or `nil` when it is not a duration with a unit or is too large.
  ///
  /// Used by `--retry-schedule`, `--timeout` and `--delay`: `100ms` → 100, `1.5s` → 1500, `1h4m` → 3 840 000.
  public static func wholeMilliseconds(_ text: String) -> Int64? {
    guard let ms = milliseconds(text), ms.isFinite, ms >= 0, ms < 9.0e15 else { return nil }
    return Int64(ms.rounded())
  }
}
