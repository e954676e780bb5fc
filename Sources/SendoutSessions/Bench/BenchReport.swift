import SendoutCore

/// What a benchmark measured: the lines `sendout bench` prints, or the same figures as a JSON array (`--json`).
public struct BenchReport: Sendable {
  /// The figures as text, one line each.
  public var lines: [String]
  /// The figures as a JSON array of objects.
  public var json: JSON
}
