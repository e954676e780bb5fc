import SendoutCore
import SendoutIO
import Testing

@testable import SendoutSessions

/// The dashboard, the Arrivals page and the load report share one head and one base stylesheet (`PageChrome`).
@Suite struct PageChromeTests {
  static let loadReport = LoadReportPage.html(
    LoadReport(
      target: "http://x/<y>", requestedRate: nil, connections: 1, transport: "socket", seconds: 1, stats: LoadStats()),
    meta: .init(label: "run", command: "sendout load", date: "2026-12-06T00:00:00Z", version: "sendout 0.1.0"))

  /// Each page's HTML and its stylesheet (the load report's is inline).
  static let pages: [(name: String, html: String, css: String)] = [
    ("dashboard", DashboardPage(auditPath: "a<b>.jsonl", worldTabs: false).html, DashboardPage.stylesheet),
    ("arrivals", ArrivalsPage.html, ArrivalsPage.css),
    ("load report", loadReport, loadReport),
  ]

  @Test(arguments: 0..<3)
  func everyPageStartsWithTheSharedHeadAndStylesheet(_ index: Int) {
    let page = Self.pages[index]
    let common = PageChrome.head(title: "T").components(separatedBy: "<title>")[0]
    #expect(page.html.hasPrefix(common), "\(page.name): the shared head")
    #expect(page.html.contains("\n</head>\n<body>"), "\(page.name): the head closes once, then the body")
    #expect(page.css.contains(PageChrome.css), "\(page.name): the shared stylesheet")
    #expect(!page.html.contains("<title>Load report: http://x/<y>"), "\(page.name): the title is escaped")
  }

  @Test func theHeadEscapesItsTitleAndKeepsItsExtrasInOrder() {
    let head = PageChrome.head(title: "a <b> & c", "<link x>", "<script y></script>")
    #expect(head.contains("<title>a &lt;b&gt; &amp; c</title>\n<link x>\n<script y></script>\n</head>"))
    #expect(head.hasPrefix("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"))
  }
}
