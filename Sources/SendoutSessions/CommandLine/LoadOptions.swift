import SendoutCore

/// `sendout load`'s flags, parsed into a `LoadSession.Configuration` (and `--json`).
public enum LoadOptions {
  /// The load test's configuration from the command line, and whether `--json` was given. Event types are
  /// positional (`load voucher.published …`, as for `fire` and `render`), `--event TYPE` an alias; nothing else may
  /// be left.
  public static func parse(_ arguments: inout Arguments) throws(CLIError) -> (LoadSession.Configuration, json: Bool) {
    var c = LoadSession.Configuration()
    c.target = try arguments.option("--to")
    let given = try arguments.options("--event")
    let rate = try arguments.option("--rate", expected: "a positive number of requests per second") {
      Double($0).flatMap { $0 > 0 ? $0 : nil }
    }
    let ramp = try arguments.option("--ramp")
    c.durationMilliseconds = try arguments.option(
      "--duration", expected: "a duration like 10s or 2m, up to \(DurationText.maxText)"
    ) {
      DurationText.milliseconds($0).flatMap { $0 > 0 ? $0 : nil }
    }
    c.count = try arguments.option("--count", expected: "a positive integer") { Int($0).flatMap { $0 > 0 ? $0 : nil } }
    c.connections =
      try arguments.option("--connections", expected: "an integer from 1 to 10000") {
        Int($0).flatMap { (1...10_000).contains($0) ? $0 : nil }
      } ?? 32
    c.threads = try arguments.option("--threads", expected: "an integer from 1 to 64") {
      Int($0).flatMap { (1...64).contains($0) ? $0 : nil }
    }
    c.transport = try arguments.option("--transport", expected: "socket or urlsession") {
      LoadSession.Transport(rawValue: $0)
    }
    c.timeoutMilliseconds =
      try arguments.option("--timeout", expected: "a duration from 1ms to 24h, like 10s") {
        DurationText.wholeMilliseconds($0).flatMap { $0 > 0 ? $0 : nil }
      } ?? 10_000
    let json = arguments.flag("--json")
    c.histogramPath = try arguments.option("--histogram")
    c.reportPath = try arguments.option("--report")
    c.resultPath = try arguments.option("--save-result")
    c.maxP99Milliseconds = try arguments.option("--max-p99", expected: "a duration like 250ms") {
      DurationText.milliseconds($0)
    }
    c.maxErrorRate = try arguments.option(
      "--max-error-rate", expected: "a fraction like 0.01 or a percentage like 1%", parseRate)
    c.auditPath = try arguments.option("--audit")
    c.scenarioPath = try arguments.option("--scenario")
    c.auditBodies = arguments.flag("--audit-bodies")
    c.exportPath = try arguments.option("--export")
    c.shard = try arguments.option("--shard", expected: "i/n with 1 <= i <= n <= 10000, e.g. 2/3", LoadShard.parse)
    if let shard = c.shard, c.exportPath == nil {
      throw .usage("--shard \(shard.index)/\(shard.count) splits an export: give --export FILE too")
    }
    c.request = try EventOptions.parse(&arguments, eventType: c.eventTypes[0], targetURL: "").request
    let events = given + (try arguments.positionals())
    if let path = c.scenarioPath, let event = events.first {
      throw .usage("Use either --event or --scenario '\(path)', not both (EVENT '\(event)' given)")
    }
    if !events.isEmpty { c.eventTypes = events }
    c.request.eventType = c.eventTypes[0]
    c.schedule = try schedule(rate: rate, ramp: ramp, duration: c.durationMilliseconds, count: c.count)
    if c.schedule == nil && c.durationMilliseconds == nil && c.count == nil {
      throw .usage("Give --duration D or --count N (closed loop), or --rate R with one of them, or --ramp")
    }
    return (c, json)
  }

  /// The open-loop schedule of `--rate` (with `--duration` or `--count`) or `--ramp`; `nil` for a closed loop.
  static func schedule(rate: Double?, ramp: String?, duration: Double?, count: Int?) throws(CLIError) -> RateSchedule? {
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

  /// `--max-error-rate`: a fraction from 0 to 1, or a percentage.
  static func parseRate(_ text: String) -> Double? {
    if text.hasSuffix("%") { return Double(text.dropLast()).flatMap { (0...100).contains($0) ? $0 / 100 : nil } }
    return Double(text).flatMap { (0...1).contains($0) ? $0 : nil }
  }
}
