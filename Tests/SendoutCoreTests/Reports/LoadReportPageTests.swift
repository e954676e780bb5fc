import SendoutCore
import SendoutTestSupport
import Testing

@Suite struct LoadReportPageTests {
  /// A 5-second open-loop run at 20 req/s: latency rising from 2 ms, a stall in second 3, one 503 and a timeout.
  static func report(target: String = "http://127.0.0.1:8080/webhooks") -> LoadReport {
    var stats = LoadStats()
    for n in 0..<100 {
      let at = Int64(n) * 50_000
      let latency: Int64 = n / 20 == 3 ? 40_000 + Int64(n % 20) * 1000 : 2000 + Int64(n) * 37
      stats.sent += 1
      stats.timeline.recordSent(atMicros: at)
      if n == 42 {
        stats.recordResponse(status: 503, latencyMicros: latency, atMicros: at)
      } else if n == 77 {
        stats.recordError(.timeout, latencyMicros: 120_000, atMicros: at)
      } else {
        stats.recordResponse(status: 200, latencyMicros: latency, atMicros: at)
      }
      stats.schedulingLag.record(40)
    }
    return LoadReport(
      target: target, requestedRate: 20, connections: 4, transport: "socket", seconds: 5.004, stats: stats)
  }

  static let meta = LoadResult.Meta(
    label: "run", command: "sendout load --rate 20 --count 100", date: "2026-12-06T22:00:00.000Z",
    version: "sendout 0.1.0 (commit unknown)")

  @Test func theGoldenPage() throws {
    try Snapshot.assert(LoadReportPage.html(Self.report(), meta: Self.meta), named: "load-report.html")
  }

  @Test func threeAccessibleChartsAndTheFigures() {
    let html = LoadReportPage.html(Self.report(), meta: Self.meta)
    #expect(html.components(separatedBy: "<svg ").count - 1 == 3)
    #expect(html.components(separatedBy: "<title id=").count - 1 == 3)
    #expect(html.components(separatedBy: "<desc id=").count - 1 == 3)
    #expect(html.contains("prefers-color-scheme: dark"))
    #expect(!html.contains("<script"), "readable without JavaScript: there is none")
    for figure in ["100 completed", "98", "p99", "503: 1", "timeout: 1", "99.9%"] {
      #expect(html.contains(figure), "missing \(figure)")
    }
  }

  @Test func theTargetIsEscapedEverywhere() {
    let html = LoadReportPage.html(
      Self.report(target: "http://127.0.0.1/<script>alert(1)</script>?a=1&b=\"x\""), meta: Self.meta)
    #expect(!html.contains("<script>"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;?a=1&amp;b=&quot;x&quot;"))
  }

  @Test func anEmptyRunStillRendersAxes() {
    let report = LoadReport(
      target: "http://x/", requestedRate: nil, connections: 1, transport: "socket", seconds: 0, stats: LoadStats())
    let html = LoadReportPage.html(report, meta: Self.meta)
    #expect(html.components(separatedBy: "<svg ").count - 1 == 3)
    #expect(!html.contains("nan") && !html.contains("inf"))
  }
}
