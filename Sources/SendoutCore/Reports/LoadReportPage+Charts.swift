import Foundation

extension LoadReportPage {
  /// Requests/s and errors/s per interval, per run (errors only for a run that had some, or a single run).
  static func throughputChart(_ runs: [LoadResult]) -> SVGChart {
    var series: [SVGChart.Series] = []
    var peak = 0.0
    for run in runs {
      let width = run.intervalSeconds
      var requests: [(x: Double, y: Double)?] = []
      var errors: [(x: Double, y: Double)?] = []
      for (i, interval) in run.intervals.enumerated() {
        let (x, span) = place(i, run)
        let rate = Double(interval.completed) / max(span, width / 10)
        peak = max(peak, rate)
        requests.append((x, rate))
        errors.append((x, Double(interval.errors) / max(span, width / 10)))
      }
      series.append(.init(name: name(run, "requests/s", runs), points: requests))
      if runs.count == 1 || run.failed > 0 { series.append(.init(name: name(run, "errors/s", runs), points: errors)) }
    }
    let width = runs.map(\.intervalSeconds).max() ?? 1
    return SVGChart(
      id: "throughput", title: "Requests per second over time",
      description:
        "Completed requests (2xx and failed) and failed requests per second, in \(ChartTicks.label(width)) s "
        + "intervals by the time they completed, over \(ChartTicks.label(end(runs))) s; peak \(format(peak)) req/s, "
        + runs.map { "\($0.failed) failed\(runs.count > 1 ? " in \($0.meta.label)" : " in all")" }.joined(
          separator: ", ") + ".",
      x: timeAxis(runs), y: .linear("Requests per second (req/s)", max: peak), series: series)
  }

  /// p50, p90 and p99 latency per interval (no point where an interval had no completed request); p50 and p99 only
  /// when several runs are overlaid.
  static func latencyChart(_ runs: [LoadResult]) -> SVGChart {
    let picks: [(String, KeyPath<LoadResult.Interval, Double?>)] =
      runs.count == 1 ? [("p50", \.p50), ("p90", \.p90), ("p99", \.p99)] : [("p50", \.p50), ("p99", \.p99)]
    var series: [SVGChart.Series] = []
    var peak = 0.0
    for run in runs {
      for (label, key) in picks {
        let points = run.intervals.enumerated().map { (i, interval) -> (x: Double, y: Double)? in
          guard let ms = interval[keyPath: key] else { return nil }
          peak = max(peak, ms)
          return (place(i, run).x, ms)
        }
        series.append(.init(name: name(run, label, runs), points: points))
      }
    }
    let width = runs.map(\.intervalSeconds).max() ?? 1
    return SVGChart(
      id: "latency", title: "Latency percentiles over time",
      description:
        "\(picks.map(\.0).joined(separator: ", ")) latency in milliseconds per \(ChartTicks.label(width)) s interval, "
        + "measured from each request's intended send time; highest p99 \(format(peak)) ms.",
      x: timeAxis(runs), y: .linear("Latency (ms)", max: peak), series: series)
  }

  /// Each run's latency by percentile on HdrHistogram's log scale.
  static func distributionChart(_ runs: [LoadResult]) -> SVGChart {
    let nines = ChartTicks.percentileNines(totalCount: Int64(runs.map(\.measured).max() ?? 0))
    let series = runs.map { run in
      SVGChart.Series(
        name: runs.count == 1 ? "latency" : run.meta.label,
        points: run.distribution.map { (ChartTicks.percentilePosition($0.percentile, nines: nines), $0.milliseconds) })
    }
    let x = SVGChart.Axis(
      label: "Percentile (log scale of 1/(1−p))", top: Double(nines),
      ticks: (0...nines).map { (Double($0), ChartTicks.percentileLabel(nines: $0)) })
    let top = runs.map(\.maxMilliseconds).max() ?? 0
    let figures = runs.map { run in
      let p = { (q: Double) in format(run.distribution.first { $0.percentile >= q }?.milliseconds ?? 0) + " ms" }
      return (runs.count > 1 ? "\(run.meta.label): " : "")
        + "p50 \(p(50)), p99 \(p(99)), max \(format(run.maxMilliseconds)) ms"
    }
    return SVGChart(
      id: "distribution", title: "Latency by percentile",
      description:
        "Latency in milliseconds at each percentile of all completed requests, on HdrHistogram's percentile scale "
        + "(0%, 90%, 99%, 99.9% … equally spaced); " + figures.joined(separator: "; ") + ".",
      x: x, y: .linear("Latency (ms)", max: top), series: series)
  }

  /// Where interval `i` of `run` is drawn (the middle of the part of it the run covered) and how long that part is:
  /// the last interval is cut short by the end of the run, so its point stays inside the axis.
  static func place(_ i: Int, _ run: LoadResult) -> (x: Double, span: Double) {
    let start = Double(i) * run.intervalSeconds
    let span = max(0, min(run.intervalSeconds, run.seconds - start))
    return (start + span / 2, span)
  }

  /// The legend name of `what` for `run`: prefixed with the run's label when several are overlaid.
  private static func name(_ run: LoadResult, _ what: String, _ runs: [LoadResult]) -> String {
    runs.count == 1 ? what : "\(run.meta.label) \(what)"
  }

  /// Where the time axis ends: the end of the longest run.
  static func end(_ runs: [LoadResult]) -> Double { runs.map(\.seconds).max() ?? 0 }

  /// Seconds from the start, ending exactly at the end of the longest run (no padding to a round number).
  private static func timeAxis(_ runs: [LoadResult]) -> SVGChart.Axis {
    .upTo("Time since start (s)", end: end(runs))
  }

  static func format(_ v: Double) -> String { String(format: v >= 100 ? "%.0f" : "%.2f", v) }
}
