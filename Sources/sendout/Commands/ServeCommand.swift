import SendoutAPI
import SendoutCore
import SendoutIO
import SendoutSessions

/// `sendout serve`: a local Voucherify REST API whose calls send the webhooks Voucherify would.
enum ServeCommand: Command {
  static let name = "serve"
  static var summary: String {
    let (simulated, total) = ServeCoverage.counts
    return
      "A local Voucherify REST API whose calls send the webhooks; it simulates \(simulated) of the spec's \(total) "
      + "operations (501 for the rest)."
  }
  static let help = """
    USAGE: sendout serve [--host H] [--port P] [--scenario FILE] [--seed N] [--at TIME] [--state FILE] [--to URL]
                         [--secret S] [--app-id ID --app-token T] [--client-app-id ID --client-token T]
                         [--audit FILE] [--retry-schedule S] [--time-scale F] [--json] [--coverage]

    Serves the official REST API's paths (v2018-08-01 spec) over a seeded sample world. A call that changes the
    world emits the events Voucherify would, delivered as signed webhooks to one project webhook set to "Send me
    all events": to --to, or to the built-in listener, which prints them with their signature checked. Delivery
    never blocks a response; it follows the retry schedule and appends to the audit log. Calls need
    X-App-Id / X-App-Token (generated and printed unless given). Without --state the world lives in memory
    and starts anew each time.

    \(ServeCoverage.helpText())
    Sendout's own endpoints: GET /_sendout/clock, POST /_sendout/clock (with --at), GET /_sendout/sendouts
    [?status=FAILED] (the audit log, one row per sendout), POST /_sendout/reset (the initial world again),
    POST /_sendout/scenario (body: a scenario file; its world, webhooks and distributions replace the current ones,
    journaled like any call),
    GET /_sendout/delivery (queued, in flight, delivered, paused sources), POST /_sendout/delivery/pause and
    POST /_sendout/delivery/resume [{"source": "wh_..."}] (hold every attempt; release, or resume a source paused
    after a sendout exhausted its retries). Every POST under /_sendout/ needs the app keys, the dashboard's
    Retry too (the page asks for them once). In a browser, GET /_sendout/ is the dashboard (webhook sendouts
    with Show data and Retry, and the world; docs/dashboard.md), and the built-in listener's own /_sendout/
    shows what it received, live. On 127.0.0.1 every /_sendout/ page answers only a localhost Host.
    Every other path of the spec answers 501 with Voucherify's error body naming the operation; a path outside
    the spec 404, a wrong method 405, wrong keys 401, a body that is not JSON 400. Requests rejected before they
    reach the API get the same Error body: not HTTP 400 bad_request, not complete 10 s after the first byte 408
    request_timeout, a body over 1 MiB 413 payload_too_large, a head over 16 KiB 431; nothing is applied.

    OPTIONS:
      --host H, --port P        Where to listen (default 127.0.0.1:8091; --port 0 picks a free one; the first line
                                printed names it).
      --scenario FILE           Serve a scenario file's world (campaigns, customers, vouchers...), project webhooks
                                and distributions (targets, event filters, secret as the file says); its steps
                                run first and their webhooks are sent before any call is answered. Calls' events
                                go to the webhooks and distributions as in 'sendout run'. POST /_sendout/reset
                                comes back to the world after the steps. A bad file exits 65, as for 'run'.
      --seed N                  Seeds the world, its ids and the generated keys (default 1; with --scenario, the
                                scenario's seed). A --state file records the scenario and seed it was made with
                                and refuses another.
      --at TIME                 A simulated clock (ISO-8601 UTC, or now) for byte-identical answers and webhooks. It
                                moves only with POST /_sendout/clock {"advance": "30d"} or {"to": TIME}, which
                                runs what falls due on the way (pending points activate, points expire).
      --state FILE              Journal every call to FILE (on disk before it is answered) and replay it at start:
                                the world survives a restart, even kill -9. Sendouts the replayed calls made that
                                the audit log has no final record of are delivered again (at least once). Give
                                --secret (and the keys) too: generated ones are new after a restart and never
                                written to the state file.
      --to URL                  Send the webhooks there instead of the built-in listener.
      --secret S                The webhook secret (default: generated and printed).
      --app-id ID, --app-token T  The keys calls must carry (default: generated and printed).
      --client-app-id ID, --client-token T  The client-side keys /client/v1/… calls carry, with an origin header
                                (default: generated and printed).
      --audit FILE, --retry-schedule S, --time-scale F, --timeout D   As for 'fire'.
      --json                    First print one JSON line for scripts: {"url", "app_id", "app_token", "client_app_id",
                                "client_token", "secret", "webhook_url", "audit"}, each token and the secret only
                                when generated (you know what you passed); then the usual output.
      --coverage                Print what is simulated, per tag of the spec (Markdown), and exit.

    EXAMPLES:
      sendout serve --port 8080
      sendout serve --port 8080 --to http://127.0.0.1:3000/webhooks --secret whsec
      sendout serve --scenario Scenarios/segments.json --to http://127.0.0.1:3000/webhooks
      curl -H 'X-App-Id: ID' -H 'X-App-Token: T' http://127.0.0.1:8080/v1/customers -d '{"source_id":"s1"}'
    """

  static func run(_ arguments: inout Arguments) async throws(CLIError) -> Int32 {
    if arguments.flag("--coverage") {
      let rest = try arguments.positionals()
      guard rest.isEmpty else { throw .usage("'serve --coverage' takes nothing else, got '\(rest[0])'") }
      Console.out(ServeCoverage.document)
      return 0
    }
    var configuration = ServeSession.Configuration()
    configuration.host = try arguments.option("--host") ?? "127.0.0.1"
    configuration.port = try arguments.port(default: ServeSession.defaultPort)
    configuration.scenarioSeed = try arguments.option("--seed", expected: "a non-negative integer") { UInt64($0) }
    configuration.seed = configuration.scenarioSeed ?? 1
    configuration.scenarioPath = try arguments.option("--scenario")
    configuration.at = try EventOptions.parseAt(&arguments)
    configuration.target = try arguments.option("--to")
    configuration.secret = try arguments.option("--secret")
    configuration.appID = try arguments.option("--app-id")
    configuration.appToken = try arguments.option("--app-token")
    configuration.clientAppID = try arguments.option("--client-app-id")
    configuration.clientToken = try arguments.option("--client-token")
    configuration.statePath = try arguments.option("--state")
    configuration.delivery = try DeliveryOptions.parse(&arguments, defaultSchedule: .voucherify)
    let json = arguments.flag("--json")
    try arguments.noPositionals("serve")
    let served = configuration
    let output = LineBuffer()  // one write per 50 ms, not per call: a write per call was 8 % of a GET on a cache miss
    let calls = try await Session.run { () throws(SessionError) in
      try await ServeSession.run(
        served, observer: Session.buffering(into: output) { ServeText.lines(for: $0, json: json) })
    }
    output.end()
    Console.err("Stopped after \(ServeText.count(calls, "call")).")
    return 0
  }
}
