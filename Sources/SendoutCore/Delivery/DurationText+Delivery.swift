extension DurationText {
  /// Whole milliseconds for `text` (rounded), or `nil` when it is not a duration with a unit or is over `maxMilliseconds`.
  ///
  /// Used by `--retry-schedule`, `--timeout` and `--delay`: `100ms` → 100, `1.5s` → 1500, `1h4m` → 3 840 000.
  public static func wholeMilliseconds(_ text: String) -> Int64? {
    guard let ms = milliseconds(text) else { return nil }
    return Int64(ms.rounded())
  }
}
