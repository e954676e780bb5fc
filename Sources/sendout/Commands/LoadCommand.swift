import Foundation
import SendoutCore
import SendoutIO

/// `sendout load`: fixed-rate (open loop) or as-fast-as-possible (closed loop) load tests of a receiver.
enum LoadCommand: Command {
  static let name = "load"
  static let summary = "Load-test a receiver at a fixed rate (or flat out) with honest latency figures."
  static let help = """
    USAGE: sendout load [--to URL] (--event TYPE… | --scenario FILE) [--rate R | --ramp 'R for D, …'] (--duration D | --count N)
                        [--connections C] [--threads T] [--transport socket|urlsession] [--secret S]
                        [--via project|distribution] [--seed N] [--timeout D] [--json] [--histogram FILE]
                        [--max-p99 D] [--max-error-rate F] [--audit FILE [--audit-bodies]]

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
      --to URL              The receiver. http:// uses the socket transport; https:// uses URLSession.
      --event TYPE          Event type to send (repeatable; cycles through them). Default customer.redemption.succeeded.
      --scenario FILE       Send what the scenario plans instead: its sendouts in order (up to 10,000), cycling,
                            each re-rendered fresh (new whs_ id and signature) and sent to --to. The scenario's
                            project.secret signs them unless --secret is given.
      --rate R              Requests per second (open loop).
      --ramp 'R for D, …'   Stepped rates, e.g. '1000 for 10s, 5000 for 30s' (open loop).
      --duration D          How long (e.g. 30s, 2m). With --rate: the number of requests is rate × duration.
      --count N             How many requests.
      --connections C       Keep-alive connections (default 32).
      --threads T           Generator threads for the socket transport (default: 2 in closed loop; in open
                            loop one per 20,000 req/s of the peak rate, at most 2, so a modest rate does not
                            compete with the receiver for the CPU and its sends stay on time).
      --transport T         socket (default for http://) or urlsession (~3-6k req/s ceiling on Linux; it
                            follows redirects, so a 3xx is counted by its final status).
      --timeout D           A request without a response after D is a timeout (default 10s, as Voucherify).
      --json                Print the report as JSON.
      --histogram FILE      Write the latency percentile distribution in HdrHistogram's text format (ms).
      --max-p99 D           Exit 1 if p99 latency is over D (e.g. 250ms).
      --max-error-rate F    Exit 1 if the fraction of failed requests is over F (e.g. 0.01 or 1%).
      --audit FILE          Write one JSON line per request to FILE (replaced): sendout_id, status
                            (SUCCESS/FAILED), http_status, latency_ms, error, intended_ms, sent_ms.
                            Socket transport only. Memory stays flat: lines are appended as the run goes.
      --audit-bodies        Also put each request's body in its audit line.

    EXIT: 0 ok, 1 a threshold was not met or the target was unreachable, 64 bad arguments.

    EXAMPLES:
      sendout load --to http://127.0.0.1:8080/ --event customer.redemption.succeeded --rate 2000 --duration 10s
      sendout load --to http://127.0.0.1:8080/ --event voucher.published --connections 32 --duration 30s
      sendout load --to http://127.0.0.1:8080/ --event redemption.succeeded --ramp '500 for 10s, 5000 for 20s' --max-p99 100ms
    """

  static func run(_ arguments: inout Arguments) async throws(CLIError) -> Int32 {
    let to = try arguments.option("--to")
    let given = try arguments.options("--event")
    let events = given.isEmpty ? ["customer.redemption.succeeded"] : given
    let rate = try arguments.option("--rate", expected: "a positive number of requests per second") {
      Double($0).flatMap { $0 > 0 ? $0 : nil }
    }
    let rampText = try arguments.option("--ramp")
    let duration = try arguments.option(
      "--duration", expected: "a duration like 10s or 2m, up to \(DurationText.maxText)"
    ) {
      DurationText.milliseconds($0).flatMap { $0 > 0 ? $0 : nil }
    }
    let count = try arguments.option("--count", expected: "a positive integer") {
      Int($0).flatMap { $0 > 0 ? $0 : nil }
    }
    let connections =
      try arguments.option("--connections", expected: "an integer from 1 to 10000") {
        Int($0).flatMap { (1...10_000).contains($0) ? $0 : nil }
      } ?? 32
    let threadsGiven =
      try arguments.option("--threads", expected: "an integer from 1 to 64") {
        Int($0).flatMap { (1...64).contains($0) ? $0 : nil }
      }
    let transportName = try arguments.option("--transport", expected: "socket or urlsession") {
      ["socket", "urlsession"].contains($0) ? $0 : nil
    }
    let timeout =
      try arguments.option("--timeout", expected: "a duration from 1ms to 24h, like 10s") {
        DurationText.wholeMilliseconds($0).flatMap { $0 > 0 ? $0 : nil }
      } ?? 10_000
    let json = arguments.flag("--json")
    let histogramPath = try arguments.option("--histogram")
    let maxP99 = try arguments.option("--max-p99", expected: "a duration like 250ms") { DurationText.milliseconds($0) }
    let maxErrorRate = try arguments.option(
      "--max-error-rate", expected: "a fraction like 0.01 or a percentage like 1%", parseRate)
    let auditPath = try arguments.option("--audit")
    let scenarioPath = try arguments.option("--scenario")
    if let scenarioPath, !given.isEmpty {
      throw .usage("Use either --event or --scenario '\(scenarioPath)', not both")
    }
    let auditBodies = arguments.flag("--audit-bodies")
    let eventOptions = try EventOptions.parse(&arguments, eventType: events[0], targetURL: "")
    let rest = try arguments.positionals()
    guard rest.isEmpty else { throw .usage("'load' takes no positional arguments, got '\(rest[0])'") }

    let schedule = try makeSchedule(rate: rate, ramp: rampText, duration: duration, count: count)
    do { try LoadConfiguration.validate(schedule: schedule, count: count, timeoutMilliseconds: timeout) } catch {
      throw .usage(error.message)
    }
    let threads = threadsGiven ?? defaultThreads(schedule)
    if schedule == nil && duration == nil && count == nil {
      throw .usage("Give --duration D or --count N (closed loop), or --rate R with one of them, or --ramp")
    }

    if auditBodies && auditPath == nil { throw .usage("--audit-bodies needs --audit FILE") }

    var listener: WebhookListener?
    if to == nil {
      let embedded = WebhookListener(configuration: ListenerConfiguration(port: 0, secret: eventOptions.request.secret))
      do { try embedded.start() } catch { throw .internal(error.message) }
      listener = embedded
      Console.err("No --to: load-testing the built-in listener on \(embedded.baseURL)")
    }
    defer { listener?.stop() }
    let url = to ?? (listener!.baseURL + "/webhooks")
    let useURLSession =
      transportName == "urlsession" || (transportName == nil && url.lowercased().hasPrefix("https://"))

    let request = eventOptions.request
    let scenario = try scenarioPath.map { path throws(CLIError) in try ScenarioFile.load(path) }
    let makePool: @Sendable (Int) throws(CLIError) -> EventPool = { stream throws(CLIError) in
      if let scenario, let scenarioPath {
        do throws(ScenarioError) {
          return try EventPool(
            scenario: scenario, target: url, secret: request.secret, stream: UInt64(stream), file: scenarioPath)
        } catch { throw .badInput(error.description) }
      }
      do throws(RenderError) {
        return try EventPool(
          eventTypes: events, via: request.via, secret: request.secret, targetURL: url, seed: request.seed,
          stream: UInt64(stream))
      } catch { throw .usage(error.message) }
    }
    let firstPool = try makePool(0)

    let target: LoadTarget
    switch LoadTarget.parse(useURLSession ? "http://127.0.0.1/" : url) {
    case .success(let t): target = t
    case .failure(let e): throw .usage(e.description)
    }
    var configuration = LoadConfiguration(
      target: target, connections: connections, threads: useURLSession ? 1 : threads, schedule: schedule, count: count,
      durationMilliseconds: duration, timeoutMilliseconds: timeout)
    if let auditPath {
      guard !useURLSession else {
        throw .usage("--audit '\(auditPath)' works with the socket transport (http:// targets) only, not urlsession")
      }
      guard FileManager.default.createFile(atPath: auditPath, contents: nil) else {
        throw .badInput("Cannot write the audit log '\(auditPath)': give a path in a writable directory")
      }
      configuration.auditPath = auditPath
      configuration.auditBodies = auditBodies
    }

    let (stats, seconds, auditFailure) = await LoadRunner.run(
      configuration: configuration, url: url, useURLSession: useURLSession, firstPool: firstPool,
      makePool: { (try? makePool($0)) ?? firstPool }, progress: Console.isTerminal && !json)

    let report = LoadReport(
      target: url, requestedRate: schedule.map { Double($0.totalCount) / ($0.totalMilliseconds / 1000) },
      connections: connections, transport: useURLSession ? "urlsession" : "socket", seconds: seconds, stats: stats)
    Console.out(json ? report.json.prettyString : report.text)
    if let histogramPath {
      do {
        try report.stats.latency.percentileDistribution(scale: 1000).write(
          toFile: histogramPath, atomically: true, encoding: .utf8)
      } catch {
        throw .badInput("\(histogramPath): cannot write the histogram: \(error.localizedDescription)")
      }
    }
    if let auditFailure { throw .badInput("The audit log could not be written: \(auditFailure)") }
    if stats.completed == 0 || stats.errorCounts["not sent: target unreachable"] != nil {
      throw .failed(
        "The target \(TargetURL.withoutPassword(url)) was unreachable: \(stats.connectErrors.keys.sorted().joined(separator: ", "))"
      )
    }
    let unmet = report.unmetThresholds(maxP99Milliseconds: maxP99, maxErrorRate: maxErrorRate)
    if !unmet.isEmpty { throw .failed("Threshold not met: " + unmet.joined(separator: "; ")) }
    return 0
  }

  static func makeSchedule(rate: Double?, ramp: String?, duration: Double?, count: Int?) throws(CLIError)
    -> RateSchedule?
  {
    if let ramp {
      guard rate == nil else { throw .usage("Use either --rate or --ramp, not both") }
      switch RateSchedule.parse(ramp: ramp) {
      case .success(let schedule): return schedule
      case .failure(let error): throw .usage(error.description)
      }
    }
    guard let rate else { return nil }
    if let duration { return .constant(rate: rate, milliseconds: duration) }
    if let count { return .constant(rate: rate, milliseconds: Double(count) / rate * 1000) }
    throw .usage("--rate needs --duration D or --count N")
  }

  /// Threads when `--threads` is not given: 2 for closed loop, else one per 20,000 req/s of the peak rate (1–2).
  static func defaultThreads(_ schedule: RateSchedule?) -> Int {
    guard let peak = schedule?.stages.map(\.rate).max() else { return 2 }
    return peak > 20_000 ? 2 : 1
  }

  static func parseRate(_ text: String) -> Double? {
    if text.hasSuffix("%") { return Double(text.dropLast()).flatMap { (0...100).contains($0) ? $0 / 100 : nil } }
    return Double(text).flatMap { (0...1).contains($0) ? $0 : nil }
  }
}
