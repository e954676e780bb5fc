import SendoutCore
import Testing

/// Issue 21, item 9: the load report records command, date and version, overlays saved runs, ends its time axis at
/// the run's end, and does not warn "could not keep up" when the run held its rate.
@Suite struct LoadResultTests {
  static func result(_ label: String, seconds: Double = 5.004) -> LoadResult {
    var report = LoadReportPageTests.report()
    report.seconds = seconds
    return LoadResult(
      report,
      meta: .init(
        label: label, command: "sendout load --to http://x/ --secret [REDACTED]", date: "2026-12-06T22:00:00.000Z",
        version: "sendout 0.1.0 (commit unknown)"))
  }

  /// 1,200 requests at 300 req/s in 4.0 s with a p99 scheduling lag of 1.33 ms (the issue's run): on schedule.
  static func runAt300(lagMicros: Int64, completed: Int = 1200) -> LoadReport {
    var stats = LoadStats()
    for n in 0..<completed {
      stats.sent += 1
      stats.recordResponse(status: 200, latencyMicros: 400, atMicros: Int64(n) * 3333)
      stats.schedulingLag.record(n % 50 == 0 ? lagMicros : 100)
    }
    return LoadReport(
      target: "http://127.0.0.1:1/", requestedRate: 300, connections: 32, transport: "socket", seconds: 4.0,
      stats: stats)
  }

  @Test func noWarningAtExactlyTheRequestedRate() {
    let report = Self.runAt300(lagMicros: 1330)
    #expect(report.achievedRate == 300)
    #expect(!report.generatorFellBehind, "a 1.33 ms lag at 300 req/s (3.3 ms apart) is on schedule")
    #expect(!report.text.contains("could not keep up"))
  }

  @Test(arguments: [(Int64(5000), 1200), (Int64(100), 1100)])
  func warnsWhenReallyBehind(lag: Int64, completed: Int) {
    #expect(Self.runAt300(lagMicros: lag, completed: completed).generatorFellBehind)
  }

  @Test func lagToleranceIsOneIntervalAndAtLeastOneMillisecond() {
    #expect(LoadReport.lagToleranceMicros(rate: 300) > 3333 && LoadReport.lagToleranceMicros(rate: 300) < 3334)
    #expect(LoadReport.lagToleranceMicros(rate: 100_000) == 1000)
  }

  @Test func theTimeAxisEndsAtTheRunsEnd() {
    let axis = SVGChart.Axis.upTo("t", end: 4.003)
    #expect(axis.top == 4.003)
    #expect(axis.ticks.map(\.label) == ["0", "1", "2", "3", "4"])
    let short = SVGChart.Axis.upTo("t", end: 2.999)
    #expect(short.ticks.map(\.label) == ["0", "1", "2", "3"] && short.ticks.last?.value == 2.999, "the end, labelled")
    let html = LoadReportPage.html([Self.result("run", seconds: 4.003)])
    #expect(!html.contains(">5</text>"), "no tick past the end of a 4 s run")
  }

  @Test func metadataIsShownAndEscaped() {
    var run = Self.result("run")
    run.meta.command = "sendout load --to 'http://x/<script>alert(1)</script>'"
    let html = LoadReportPage.html([run])
    #expect(html.contains("2026-12-06T22:00:00.000Z") && html.contains("sendout 0.1.0 (commit unknown)"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !html.contains("<script>"))
  }

  @Test func theCommandHidesSecretsAndPasswords() {
    let line = LoadResult.redactedCommand([
      "load", "--to", "http://user:pw@127.0.0.1:1/", "--secret", "hunter2", "--secret=s3", "--rate", "10",
      "it's",
    ])
    #expect(!line.contains("hunter2") && !line.contains("s3") && !line.contains(":pw@"))
    #expect(line.hasPrefix("sendout load --to http://user@127.0.0.1:1/ --secret [REDACTED] --secret=[REDACTED]"))
    #expect(line.hasSuffix("'it'\\''s'"))
  }

  @Test func aSavedResultReadsBackTheSame() throws {
    let run = Self.result("first")
    let json = try JSONParser.parse(run.json(report: .null).compactString)
    let back = try LoadResult(json: json, label: "first")
    #expect(back == run)
    #expect(throws: LoadResult.FormatError.self) { try LoadResult(json: ["object": "list"], label: "x") }
  }

  @Test func twoRunsAreOverlaid() {
    let html = LoadReportPage.html([Self.result("before"), Self.result("after", seconds: 3.5)])
    #expect(html.contains("2 runs overlaid: before, after"))
    for legend in [
      "before requests/s", "after requests/s", "before p99", "after p99", ">before</text>", ">after</text>",
    ] {
      #expect(html.contains(legend), "missing \(legend)")
    }
    #expect(html.components(separatedBy: "<svg ").count - 1 == 3)
    #expect(html.contains("<th scope=\"col\">before</th><th scope=\"col\">after</th>"))
  }
}
