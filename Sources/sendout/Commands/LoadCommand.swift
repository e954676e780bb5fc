import Foundation
import SendoutCore
import SendoutIO
import SendoutSessions

/// `sendout load`: fixed-rate (open loop) or as-fast-as-possible (closed loop) load tests of a receiver.
enum LoadCommand: Command {
  static let name = "load"
  static let summary =
    "Load-test a receiver at a fixed rate (or flat out) with honest latency figures, thresholds and an HTML report."
  static let help = """
    USAGE: sendout load [EVENT… | --scenario FILE] [--to URL] [--rate R | --ramp 'R for D, …']
                        (--duration D | --count N) [--connections C] [--threads T] [--transport socket|urlsession]
                        [--secret S] [--via project|distribution] [--seed N] [--timeout D] [--json] [--histogram FILE]
                        [--report FILE.html] [--max-p99 D] [--max-error-rate F] [--audit FILE [--audit-bodies]]
                        [--export FILE [--shard i/n]]

    Every request is a distinct sendout rendered from the simulated world and signed (its own whs_ id and
    x-voucherify-signature), cycling through a pool of events of the given types.

    With --rate (or --ramp) the load is open loop, like wrk2 and vegeta: each request has an intended send
    time fixed in advance and latency is measured from it, so a receiver that stalls shows up in the tail
    instead of silently lowering the rate (coordinated omission corrected). The report puts the achieved
    rate next to the requested one and warns when the generator itself fell behind.
    Without --rate the load is closed loop, like wrk: every connection sends its next request as soon as
    the previous response arrives.

    Without --to, the built-in listener starts in-process and is the receiver (handy for a first try).

    OPTIONS:
      --to URL              The receiver. http:// uses the socket transport (host names resolved, every
                            IPv6 and IPv4 address tried); https:// uses URLSession.
      EVENT…                Event types to send, cycling through them (--event TYPE, repeatable, is an alias).
                            Default customer.redemption.succeeded.
      --scenario FILE       Send what the scenario plans instead: its sendouts in order (up to 10,000), cycling,
                            each re-rendered fresh (new whs_ id and signature) and sent to --to. The scenario's
                            project.secret signs them unless --secret is given.
      --rate R              Requests per second (open loop).
      --ramp 'R for D, …'   Stepped rates, e.g. '1000 for 10s, 5000 for 30s' (open loop).
      --duration D          How long (e.g. 30s, 2m). With --rate: the number of requests is rate × duration.
      --count N             How many requests.
      --connections C       Keep-alive connections (default 32).
      --threads T           Generator threads for the socket transport (default: 2 in closed loop; in open
                            loop one per 40,000 req/s of the peak rate, at most 2, so a modest rate does not
                            compete with the receiver for the CPU and its sends stay on time).
      --transport T         socket (default for http://) or urlsession (~3-6k req/s ceiling on Linux; it
                            follows redirects, so a 3xx is counted by its final status).
      --timeout D           A request without a response after D is a timeout (default 10s, as Voucherify).
      --json                Print the report as JSON.
      --histogram FILE      Write the latency percentile distribution in HdrHistogram's text format (ms).
      --report FILE.html    Write a standalone HTML report (no JavaScript, opens offline): requests/s and
                            errors over time, p50/p90/p99 over time and the percentile distribution as charts,
                            next to the figures above and the command, date and version (secrets redacted).
                            Per-second figures; runs over 30 min use coarser intervals.
      --save-result FILE.json  Save the run (figures, timeline, distribution) to overlay it later:
                            'sendout load --report out.html run1.json run2.json' draws up to 3 saved runs
                            overlaid, without running.
      --max-p99 D           Exit 1 if p99 latency is over D (e.g. 250ms).
      --max-error-rate F    Exit 1 if the fraction of failed requests is over F (e.g. 0.01 or 1%).
      --audit FILE          Write one JSON line per request to FILE (replaced): sendout_id, status
                            (SUCCESS/FAILED), http_status, latency_ms, error, intended_ms, sent_ms.
                            Socket transport only. Memory stays flat: lines are appended as the run goes.
      --audit-bodies        Also put each request's body in its audit line.
      --export FILE         Send nothing: write the requests this run would send (each a fresh signed sendout,
                            the exact bytes) to FILE as vegeta JSON targets, one per line (method, url, header,
                            base64 body), for Locust or vegeta to replay from several machines
                            (docs/distributed-load.md). Needs --to and --count N (or --rate with --duration).
      --shard i/n           With --export: write only part i of n of the requests (an even split), from an event
                            stream of its own, so every worker machine sends unique sendout ids.

    EXIT: 0 ok, 1 a threshold was not met or the target was unreachable, 64 bad arguments.

    EXAMPLES:
      sendout load customer.redemption.succeeded --to http://127.0.0.1:8080/ --rate 2000 --duration 10s
      sendout load voucher.published --to http://127.0.0.1:8080/ --connections 32 --duration 30s
      sendout load redemption.succeeded --to http://127.0.0.1:8080/ --ramp '500 for 10s, 5000 for 20s' --max-p99 100ms
    """

  static func run(_ arguments: inout Arguments) async throws(CLIError) -> Int32 {
    var saved = arguments
    if let report = try saved.option("--report"), let files = try? saved.positionals(),
      LoadReportFiles.areResults(files)
    {
      let wrote = try await Session.run { () throws(SessionError) in try LoadReportFiles.render(files, to: report) }
      return try Session.finish(CommandEnding([wrote]))
    }
    var (configuration, json) = try LoadOptions.parse(&arguments)
    configuration.command = Array(CommandLine.arguments.dropFirst())
    configuration.version = SendoutVersion.line
    if let path = configuration.exportPath {
      let exported: LoadExport.Result
      do { exported = try LoadExport.run(configuration, to: path) } catch { throw CLIError(error) }
      Console.out(
        "Wrote \(exported.requests) signed requests (shard \(exported.shard.index)/\(exported.shard.count)) to \(path) "
          + "as vegeta JSON targets")
      return 0
    }
    configuration.reportsProgress = Console.isTerminal && !json
    let live = configuration
    let progress = ProgressLine()
    defer { progress.end() }
    let result = try await Session.run { () throws(SessionError) in
      try await LoadSession.run(live) { event in
        switch event {
        case .listenerStarted(let url, _): Console.err("No --to: load-testing the built-in listener on \(url)")
        case .loadProgress(let p): progress.show(LoadText.progress(p))
        default: break
        }
      }
    }
    progress.end()  // the report starts on its own line, not glued to the last progress line
    for path in [live.histogramPath, live.reportPath].compactMap({ $0 }) { Console.err("Wrote \(path)") }
    return try Session.finish(LoadText.ending(result, json: json))
  }
}
