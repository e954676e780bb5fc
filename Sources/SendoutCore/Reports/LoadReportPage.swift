/// `sendout load --report FILE.html`: one standalone HTML page for a load run, readable without JavaScript and
/// offline. Three inline SVG charts (requests/s and errors over time, p50/p90/p99 over time, the latency
/// percentile distribution on HdrHistogram's log scale) next to the text report's figures; light and dark
/// schemes follow `prefers-color-scheme`. A pure function of the report: the same report gives the same bytes,
/// and every string that came from input (the target URL, error kinds) is escaped.
public enum LoadReportPage {
  /// The page for `report`.
  public static func html(_ report: LoadReport) -> String {
    let e = HTMLText.escape
    var out =
      PageChrome.head(title: "Load report: \(report.target)", "<style>", PageChrome.css + style, "</style>")
    out += """

      <body>
      <header>
      <h1>Load report</h1>
      <p class="target mono">\(e(report.target))</p>
      <p class="mode">\(e(mode(report)))</p>
      </header>
      <main>

      """
    if report.generatorFellBehind {
      out += """
        <p class="warning" role="note"><strong>Warning:</strong> the generator could not keep up with the \
        requested rate; figures understate the receiver's capacity only if the receiver was not the \
        bottleneck.</p>

        """
    }
    out += "<section class=\"figures\" aria-labelledby=\"figures-title\">\n"
    out += "<h2 id=\"figures-title\">Figures</h2>\n<table>\n<tbody>\n"
    for (name, value) in figures(report) {
      out += "<tr><th scope=\"row\">\(e(name))</th><td>\(e(value))</td></tr>\n"
    }
    out += "</tbody>\n</table>\n</section>\n<section class=\"charts\" aria-label=\"Charts\">\n"
    for chart in [throughputChart(report), latencyChart(report), distributionChart(report)] {
      out += "<figure>\n<figcaption>\(e(chart.title))</figcaption>\n\(chart.svg)\n</figure>\n"
    }
    out += "</section>\n</main>\n<footer>Made by <code>sendout load --report</code>. "
    out += "Requests per second count each request when it completed; latency over time places it at its "
    out += "intended send time (open loop) or send time (closed loop), which latency is measured from."
    out += "</footer>\n</body>\n</html>\n"
    return out
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
