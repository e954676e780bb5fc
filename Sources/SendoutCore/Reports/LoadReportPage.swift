/// `sendout load --report FILE.html`: one standalone HTML page for one load run or several overlaid, readable
/// without JavaScript and offline. Each run's metadata (command, date, version) and figures, and three inline SVG
/// charts (requests/s and errors over time, latency percentiles over time, the latency percentile distribution on
/// HdrHistogram's log scale) with one line per run and series; the time axis ends where the longest run ended.
/// Light and dark schemes follow `prefers-color-scheme`. A pure function of the runs: the same runs give the same
/// bytes, and every string that came from input (target URL, command, labels, error kinds) is escaped.
public enum LoadReportPage {
  /// The most runs one page overlays (each run's lines need their own colour and dash).
  public static let maxRuns = 3

  /// The page for the run `report`, labelled by `meta`.
  public static func html(_ report: LoadReport, meta: LoadResult.Meta) -> String {
    html([LoadResult(report, meta: meta)])
  }

  /// The page for `runs` (1 to `maxRuns`), overlaid in that order.
  public static func html(_ runs: [LoadResult]) -> String {
    let e = HTMLText.escape
    let title = runs.count == 1 ? "Load report: \(runs[0].target)" : "Load report: \(runs.count) runs"
    var out = PageChrome.head(title: title, "<style>", PageChrome.css + style, "</style>")
    out += "\n<body>\n<header>\n<h1>Load report</h1>\n"
    if runs.count == 1 {
      out += "<p class=\"target mono\">\(e(runs[0].target))</p>\n<p class=\"mode\">\(e(runs[0].mode))</p>\n"
    } else {
      out += "<p class=\"mode\">\(runs.count) runs overlaid: \(e(runs.map(\.meta.label).joined(separator: ", ")))</p>\n"
    }
    out += runsTable(runs) + "</header>\n<main\(runs.count > 1 ? " class=\"multi\"" : "")>\n"
    for run in runs where run.fellBehind {
      out += "<p class=\"warning\" role=\"note\"><strong>Warning:</strong> "
      out += runs.count == 1 ? "the generator" : "in run <code>\(e(run.meta.label))</code> the generator"
      out += " could not keep up with the requested rate; figures understate the receiver's capacity only if the "
      out += "receiver was not the bottleneck.</p>\n"
    }
    out += "<section class=\"figures\" aria-labelledby=\"figures-title\">\n"
    out += "<h2 id=\"figures-title\">Figures</h2>\n<table>\n"
    if runs.count > 1 {
      out += "<thead><tr><td></td>" + runs.map { "<th scope=\"col\">\(e($0.meta.label))</th>" }.joined()
      out += "</tr></thead>\n"
    }
    out += "<tbody>\n"
    for name in figureNames(runs) {
      out += "<tr><th scope=\"row\">\(e(name))</th>"
      for run in runs { out += "<td>\(e(run.figures.first { $0.first == name }?.last ?? "—"))</td>" }
      out += "</tr>\n"
    }
    out += "</tbody>\n</table>\n</section>\n<section class=\"charts\" aria-label=\"Charts\">\n"
    for chart in [throughputChart(runs), latencyChart(runs), distributionChart(runs)] {
      out += "<figure>\n<figcaption>\(e(chart.title))</figcaption>\n\(chart.svg)\n</figure>\n"
    }
    out += "</section>\n</main>\n<footer>Made by <code>sendout load --report</code>. "
    out += "Requests per second count each request when it completed; latency over time places it at its "
    out += "intended send time (open loop) or send time (closed loop), which latency is measured from."
    out += "</footer>\n</body>\n</html>\n"
    return out
  }

  /// Each run's label, command, date and version.
  static func runsTable(_ runs: [LoadResult]) -> String {
    let e = HTMLText.escape
    var out = "<table class=\"runs\">\n<thead><tr><th scope=\"col\">Run</th><th scope=\"col\">Date (UTC)</th>"
    out += "<th scope=\"col\">Version</th><th scope=\"col\">Command</th></tr></thead>\n<tbody>\n"
    for run in runs {
      out += "<tr><td>\(e(run.meta.label))</td><td>\(e(run.meta.date))</td><td>\(e(run.meta.version))</td>"
      out += "<td class=\"mono\">\(e(run.meta.command))</td></tr>\n"
    }
    return out + "</tbody>\n</table>\n"
  }

  /// The figure names of every run, in the order they first appear.
  static func figureNames(_ runs: [LoadResult]) -> [String] {
    var names: [String] = []
    for run in runs {
      for row in run.figures { if let name = row.first, !names.contains(name) { names.append(name) } }
    }
    return names
  }

  /// The figures of `LoadReport.text`, as (name, value) rows.
  static func figures(_ report: LoadReport) -> [(String, String)] {
    let stats = report.stats
    var rows: [(String, String)] = [
      ("Requests", "\(stats.completed) completed in \(report.format(report.seconds)) s"),
      ("2xx", "\(stats.succeeded)"),
      ("Failed", "\(stats.failed) (\(report.format(stats.errorRate * 100))%)"),
      ("Throughput", "\(report.format(report.achievedRate)) req/s"),
    ]
    if let requested = report.requestedRate { rows.append(("Requested rate", "\(report.format(requested)) req/s")) }
    for (name, p) in [("p50", 50.0), ("p90", 90), ("p99", 99), ("p99.9", 99.9)] {
      rows.append(("Latency \(name)", report.ms(p)))
    }
    rows.append(("Latency max", "\(report.format(Double(stats.latency.max) / 1000)) ms"))
    rows.append(("Latency mean", "\(report.format(stats.latency.mean / 1000)) ms"))
    if report.requestedRate != nil {
      let lag = Double(stats.schedulingLag.value(atPercentile: 99)) / 1000
      rows.append(("Generator lag p99", "\(report.format(lag)) ms"))
    }
    let statuses = stats.statusCounts.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
    rows.append(("Status", statuses.isEmpty ? "none" : statuses.joined(separator: ", ")))
    if !stats.errorCounts.isEmpty {
      let errors = stats.errorCounts.sorted { $0.key.text < $1.key.text }.map { "\($0.key.text): \($0.value)" }
      rows.append(("Errors", errors.joined(separator: ", ")))
    }
    rows.append(("Chart interval", "\(ChartTicks.label(stats.timeline.intervalSeconds)) s"))
    return rows
  }

  static func mode(_ report: LoadReport) -> String {
    let loop = report.requestedRate.map { "open loop at \(report.format($0)) req/s" } ?? "closed loop"
    return "\(report.transport), \(report.connections) connections, \(loop)"
  }
}
