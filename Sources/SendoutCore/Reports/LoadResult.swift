import Foundation

/// One load run as the HTML report draws it: its metadata (command, date, version), figures, per-interval
/// throughput and latency, and latency by percentile. `sendout load --save-result FILE.json` saves it
/// (`LoadResult+JSON`), and `sendout load --report out.html run1.json run2.json` draws saved runs overlaid. Pure.
public struct LoadResult: Sendable, Equatable {
  /// Where a run came from: what the report prints above its figures.
  public struct Meta: Sendable, Equatable {
    /// The run's name in legends (a saved file's name without `.json`; `run` for the run just made).
    public var label: String
    /// The command line, secrets redacted (`LoadResult.redactedCommand`).
    public var command: String
    /// When the run started, ISO 8601 UTC.
    public var date: String
    /// `sendout 0.1.0 (commit …)`.
    public var version: String

    /// Creates metadata.
    public init(label: String, command: String, date: String, version: String) {
      self.label = label
      self.command = command
      self.date = date
      self.version = version
    }
  }

  /// One interval of the timeline: completions and errors, and latency percentiles (ms; `nil`: none measured).
  public struct Interval: Sendable, Equatable {
    /// Requests completed in the interval (2xx and failed).
    public var completed: Int
    /// Failed requests completed in the interval.
    public var errors: Int
    /// p50, p90 and p99 latency of the requests due in the interval, in ms.
    public var p50: Double?, p90: Double?, p99: Double?
  }

  /// One point of the percentile distribution: a percentile (0…100) and the latency there in ms.
  public struct Step: Sendable, Equatable {
    /// The percentile, 0…100.
    public var percentile: Double
    /// Latency in ms.
    public var milliseconds: Double
  }

  /// Command, date, version and label.
  public var meta: Meta
  /// The target URL (password removed).
  public var target: String
  /// `socket, 32 connections, open loop at 300 req/s`.
  public var mode: String
  /// Wall time of the run in seconds: where the time axis ends.
  public var seconds: Double
  /// The figures as (name, value) rows, as the text report has them.
  public var figures: [[String]]
  /// Whether the generator fell behind its schedule (`LoadReport.generatorFellBehind`).
  public var fellBehind: Bool
  /// The length of one interval in seconds.
  public var intervalSeconds: Double
  /// The intervals from the start of the run.
  public var intervals: [Interval]
  /// Latency by percentile over the whole run.
  public var distribution: [Step]
  /// Requests whose latency was measured.
  public var measured: Int
  /// Failed requests in all.
  public var failed: Int

  /// The result of `report`, with `meta`.
  public init(_ report: LoadReport, meta: Meta) {
    self.meta = meta
    target = report.target
    mode = LoadReportPage.mode(report)
    seconds = report.seconds
    figures = LoadReportPage.figures(report).map { [$0.0, $0.1] }
    fellBehind = report.generatorFellBehind
    intervalSeconds = report.stats.timeline.intervalSeconds
    intervals = report.stats.timeline.intervals.map { interval in
      let has = interval.latency.totalCount > 0
      let ms = { (p: Double) in has ? Double(interval.latency.value(atPercentile: p)) / 1000 : nil }
      return Interval(
        completed: interval.completed, errors: interval.errors, p50: ms(50), p90: ms(90), p99: ms(99))
    }
    distribution = report.stats.latency.percentileSteps().map {
      Step(percentile: $0.percentile, milliseconds: Double($0.value) / 1000)
    }
    measured = Int(report.stats.latency.totalCount)
    failed = report.stats.failed
  }

  /// The highest latency measured, in ms.
  public var maxMilliseconds: Double { distribution.map(\.milliseconds).max() ?? 0 }

  /// `arguments` (the words after `sendout`) as one shell-quoted line, with the value of every secret-bearing option
  /// (`--secret`) replaced by `[REDACTED]` and URL passwords removed.
  public static func redactedCommand(_ arguments: [String]) -> String {
    var words = ["sendout"]
    var hideNext = false
    for word in arguments {
      if hideNext {
        words.append("[REDACTED]")
        hideNext = false
      } else if word == "--secret" {
        words.append(word)
        hideNext = true
      } else if word.hasPrefix("--secret=") {
        words.append("--secret=[REDACTED]")
      } else {
        words.append(quoted(word.contains("://") ? TargetURL.withoutPassword(word) : word))
      }
    }
    return words.joined(separator: " ")
  }

  /// `word` as a shell word: bare when it holds only safe characters, else in single quotes.
  static func quoted(_ word: String) -> String {
    let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:=,@%+")
    if !word.isEmpty, word.allSatisfy(safe.contains) { return word }
    return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
