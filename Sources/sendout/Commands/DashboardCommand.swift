import SendoutCore
import SendoutIO
import SendoutSessions

/// `sendout dashboard`: the audit log in a browser, like Voucherify's Audit log → Webhook sendouts tab.
enum DashboardCommand: Command {
  static let name = "dashboard"
  static let summary = "Open the audit log in a browser: live Webhook sendouts, Show data, Retry."
  static let help = """
    USAGE: sendout dashboard [--audit FILE] [--host 127.0.0.1] [--port 8090] [--header 'name: value']…
                             [--timeout D]

    Serves a local page (HTML, CSS and a little JavaScript built into the binary; works offline) that shows
    the audit log like the Webhook sendouts tab of Voucherify's Audit log: one row per sendout with its
    latest status, HTTP status, latency, attempts, event type and id, source, target URL, request id and
    times; filters by status, event type, source and free text; pages of 50, newest first. A row opens
    "Show data": the exact body (pretty-printed), the headers as recorded (secrets redacted) and every
    attempt with its error. Retry resends a failed sendout as 'sendout retry ID' does (one attempt) and
    appends to the same log; rows update live as the log grows (fire, run or retry in another terminal).
    The first line is the URL to open. The JSON behind the page is documented in docs/dashboard.md.

    The page has no login and no keys: it binds to 127.0.0.1 and answers only to a localhost Host, and
    Retry accepts only requests from the page itself (same-origin checks). --host with another address
    shows the audit log to the network and lets anyone there retry (a warning says so). In 'sendout serve'
    the same page's Retry also needs the app keys.

    OPTIONS:
      --audit FILE           The audit log (default ./sendout-audit.jsonl); it need not exist yet.
      --host H               Address to bind (default 127.0.0.1; ::1; 0.0.0.0 exposes it, with a warning).
      --port P               Port (default 8090; 0 = any free port).
      --header 'name: value' Re-supply a header on Retry (e.g. one redacted in the log). Repeatable.
      --timeout D            Timeout of a Retry's attempt (default 10s).

    EXAMPLES:
      sendout dashboard
      sendout dashboard --audit ci-audit.jsonl --port 0
      sendout dashboard --header 'authorization: Bearer dev-token'
    """

  static func run(_ arguments: inout Arguments) async throws(CLIError) -> Int32 {
    var configuration = DashboardSession.Configuration()
    configuration.host = try arguments.option("--host") ?? "127.0.0.1"
    configuration.port = try arguments.port(default: 8090)
    configuration.delivery = try DeliveryOptions.parse(&arguments, defaultSchedule: .none)
    try arguments.noPositionals("dashboard")
    let path = configuration.delivery.auditPath
    let served = configuration
    _ = try await Session.run { () throws(SessionError) in
      try await DashboardSession.run(served) { event in
        switch event {
        case .dashboardServing(let url):
          Console.out(url)
          Console.out("Webhook sendouts of \(path), live. Ctrl-C to stop.")
        case .warning(let text): Console.warning(text)
        default: break
        }
      }
    }
    return 0
  }
}
