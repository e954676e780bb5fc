import SendoutCore
import SendoutIO
import SendoutSessions

/// `sendout listen`: a local webhook receiver that verifies signatures and can inject faults.
enum ListenCommand: Command {
  static let name = "listen"
  static let summary =
    "Receive webhooks locally: verify signatures, print each one, inject failures, or --forward-to your application."
  static let help = """
    USAGE: sendout listen [--host 127.0.0.1] [--port 8080] [--secret S] [--respond STATUS]
                          [--fail-rate F] [--fail-first N] [--fail-status STATUS] [--seed N]
                          [--retry-after N] [--delay DURATION] [--max-body BYTES] [--fail-duplicates] [--json] [--ui]
                          [--forward-to URL] [--quiet] [--threads N]

    An HTTP/1.1 receiver (keep-alive, Content-Length and chunked bodies, many connections) that prints
    one line per request: time, path, event type (body event.type or type), sendout id, signature
    (valid, invalid, absent, or unchecked without --secret), size and the status it answered.
    Bodies over --max-body get 413, heads over 16 KiB get 431, malformed requests 400, and a request
    not complete 10 s after its first byte (a client trickling bytes) 408. Port 0 picks a free port; the first
    line says which. Ctrl-C stops it.

    Faults, in this order: the first N requests get --fail-status; then each fails with probability
    --fail-rate (seeded by --seed, reproducible); the rest get --respond. Every answer waits --delay.

    OPTIONS:
      --host H           IPv4 or IPv6 address to bind (default 127.0.0.1; 0.0.0.0 for all; ::1).
      --port P           Port (default 8080; 0 = any free port).
      --secret S         Verify x-voucherify-signature = hex HMAC-SHA256(S, body).
      --respond STATUS   Status for normal answers (default 200).
      --fail-first N     Fail the first N requests.
      --fail-rate F      Fail each later request with probability F (0…1).
      --fail-status S    Status of injected failures (default 500).
      --seed N           Seed for --fail-rate (default 1).
      --retry-after N    Add 'retry-after: N' to every answer (sendout honours it on 429/503).
      --delay DURATION   Wait before answering, e.g. 250ms or 12s (over 10s: Voucherify times out).
      --max-body BYTES   Body size limit (default 1048576).
      --fail-duplicates  Answer 409 to a sendout id already answered 2xx (a receiver that rejects duplicates
                         instead of acknowledging them; see 'sendout run --duplicates').
      --json             One JSON object per request (headers, authorization-like values redacted,
                         and body included); the first line is
                         {"listening": URL, "port": P}.

      --ui               Serve a live Arrivals page at /_sendout/ (one row per request: time, path, event
                         type, sendout id, signature, size, answer; a row shows headers and body), and its
                         JSON at /_sendout/api/arrivals (docs/ui.md). Requests under /_sendout/ are never
                         counted as arrivals. Keeps the last 10,000 arrivals (64 MiB of bodies) for it.
                         With a --host other than loopback, everyone on the network can read them.

      --forward-to URL   Forward each arrival (checked and printed as above) to your application at URL, a
                         plain http:// URL: same method, body bytes and headers (hop-by-hop ones left out),
                         one at a time; the sender gets the application's status, headers and body (like
                         Stripe CLI's listen --forward-to). When the application is down or takes over 10s,
                         the sender gets 502 with a JSON body saying why, and the line says so. Not with the
                         fault options above.
      --quiet            No line per request: once a second while requests arrive, one summary line
                         (arrivals, signatures verified, signatures failed: invalid or absent, req/s),
                         and a last one when it stops. For load tests (the fastest mode).
      --threads N        Serving threads, 1 to 64 (default: one more than the cores, at most 4), each
                         with its own socket on the port (on 2 cores under wrk: 2 threads +41 % over
                         one, 3 another +5 %: the sender shares the machine).

    EXAMPLES:
      sendout listen --port 0 --secret s
      sendout listen --secret s --forward-to http://localhost:3000/webhooks
      sendout listen --ui --secret s          # then open http://127.0.0.1:8080/_sendout/
      sendout listen --fail-first 2 --secret s
      sendout listen --respond 503 --delay 2s --json
    """

  static func run(_ arguments: inout Arguments) async throws(CLIError) -> Int32 {
    let (configuration, json, quiet) = try ListenOptions.parse(&arguments)
    let ui = configuration.servesUI
    if ui && !HTTPServer.isLoopback(configuration.server.host) {
      Console.warning(
        "--ui with --host '\(configuration.server.host)': every arrival (headers and bodies) becomes visible to anyone on "
          + "the network who can reach this port; bind to 127.0.0.1 (the default) to keep it on this machine")
    }
    let forwarding = { @Sendable (event: SessionEvent) -> [String] in
      guard case .listenerStarted = event, !json, let url = configuration.forwarder?.url else { return [] }
      return ["Forwarding each arrival to \(TargetURL.withoutPassword(url)); the sender gets its answer"]
    }
    let text = ListenText(json: json, ui: ui, checksSignatures: configuration.secret != nil)
    let output = LineBuffer()  // one write per 50 ms, not per request: printing held the listener back
    let result = try await Session.run { () throws(SessionError) in
      try await ListenSession.run(
        configuration, quiet: quiet, observer: Session.buffering(into: output) { text.lines(for: $0) + forwarding($0) })
    }
    output.end()
    Console.err("Stopped after \(result.received) request\(result.received == 1 ? "" : "s").")
    return 0
  }
}
