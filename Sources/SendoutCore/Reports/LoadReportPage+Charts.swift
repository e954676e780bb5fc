import Foundation

extension LoadReportPage {
  /// Requests/s and errors/s per interval.
  static func throughputChart(_ report: LoadReport) -> SVGChart {
    let timeline = report.stats.timeline
    let width = timeline.intervalSeconds
    var requests: [(x: Double, y: Double)?] = []
    var errors: [(x: Double, y: Double)?] = []
    var peak = 0.0
    for (i, interval) in timeline.intervals.enumerated() {
      let start = Double(i) * width
      // The last interval may be cut short by the end of the run: rate over the part that was run.
      let span = max(min(width, report.seconds - start), width / 10)
      let x = start + width / 2
      let rate = Double(interval.completed) / span
      let errorRate = Double(interval.errors) / span
      peak = max(peak, rate)
      requests.append((x, rate))
      errors.append((x, errorRate))
    }
    return SVGChart(
      id: "throughput", title: "Requests per second over time",
      description:
        "Completed requests (2xx and failed) and failed requests per second, in \(ChartTicks.label(width)) s "
        + "intervals by the time they completed, over \(ChartTicks.label(report.seconds)) s; peak \(format(peak)) req/s, "
        + "\(report.stats.failed) failed in all.",
      x: timeAxis(report), y: .linear("Requests per second (req/s)", max: peak),
      series: [.init(name: "requests/s", points: requests), .init(name: "errors/s", points: errors)])
  }

  /// p50, p90 and p99 latency per interval (no point where an interval had no completed request).
  static func latencyChart(_ report: LoadReport) -> SVGChart {
    let timeline = report.stats.timeline
    let width = timeline.intervalSeconds
    let percentiles = [50.0, 90, 99]
    var lines: [[(x: Double, y: Double)?]] = Array(repeating: [], count: percentiles.count)
    var peak = 0.0
    for (i, interval) in timeline.intervals.enumerated() {
      let x = Double(i) * width + width / 2
      for (k, p) in percentiles.enumerated() {
        guard interval.latency.totalCount > 0 else {
          lines[k].append(nil)
          continue
        }
        let ms = Double(interval.latency.value(atPercentile: p)) / 1000
        peak = max(peak, ms)
        lines[k].append((x, ms))
      }
    }
    return SVGChart(
      id: "latency", title: "Latency percentiles over time",
      description:
        "p50, p90 and p99 latency in milliseconds per \(ChartTicks.label(width)) s interval, measured from each "
        + "request's intended send time; highest p99 \(format(peak)) ms.",
      x: timeAxis(report), y: .linear("Latency (ms)", max: peak),
      series: zip(["p50", "p90", "p99"], lines).map { SVGChart.Series(name: $0.0, points: $0.1) })
  }

  /// The whole run's latency by percentile on HdrHistogram's log scale.
  static func distributionChart(_ report: LoadReport) -> SVGChart {
    let latency = report.stats.latency
    let nines = ChartTicks.percentileNines(totalCount: latency.totalCount)
    let points = latency.percentileSteps().map { step -> (x: Double, y: Double)? in
      (ChartTicks.percentilePosition(step.percentile, nines: nines), Double(step.value) / 1000)
    }
    let x = SVGChart.Axis(
      label: "Percentile (log scale of 1/(1−p))", top: Double(nines),
      ticks: (0...nines).map { (Double($0), ChartTicks.percentileLabel(nines: $0)) })
    return SVGChart(
      id: "distribution", title: "Latency by percentile",
      description:
        "Latency in milliseconds at each percentile of all \(latency.totalCount) completed requests, on "
        + "HdrHistogram's percentile scale (0%, 90%, 99%, 99.9% … equally spaced); p50 \(report.ms(50)), "
        + "p99 \(report.ms(99)), max \(format(Double(latency.max) / 1000)) ms.",
      x: x, y: .linear("Latency (ms)", max: Double(latency.max) / 1000),
      series: [.init(name: "latency", points: points)])
  }

  /// Seconds from the start of the run, to the end of the last interval or of the run.
  private static func timeAxis(_ report: LoadReport) -> SVGChart.Axis {
    let timeline = report.stats.timeline
    let end = max(report.seconds, Double(timeline.intervals.count) * timeline.intervalSeconds)
    return .linear("Time since start (s)", max: end)
  }

  static func format(_ v: Double) -> String { String(format: v >= 100 ? "%.0f" : "%.2f", v) }
}
