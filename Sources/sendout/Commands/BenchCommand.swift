import SendoutCore

/// `sendout bench render`: rendered + signed payloads per second on one core (used by scripts/bench.sh).
enum BenchCommand: Command {
  static let name = "bench"
  static let summary = "Measure rendering + signing throughput on one core (see scripts/bench.sh)."
  static let help = """
    USAGE: sendout bench render [--event TYPE|all] [--seconds S] [--json]

    Renders and signs sendouts in a loop on one thread for S seconds (default 3) and prints the rate.
    Every iteration writes the whole body from the event's object tree (nothing is cached) and signs it
    under a fresh sendout id. TYPE takes events from 64 seeded sample worlds; `all` (the default) cycles
    through every renderable event type, so the mean body size is the catalog's typical size.
    Build with -c release for meaningful figures.

    EXAMPLES:
      swift build -c release && .build/release/sendout bench render
      sendout bench render --event redemption.succeeded --seconds 5 --json
    """

  static func run(_ arguments: inout Arguments) async throws(CLIError) -> Int32 {
    let eventType = try arguments.option("--event") ?? "all"
    let seconds = try arguments.option("--seconds", expected: "a positive number", { Double($0).flatMap { $0 > 0 ? $0 : nil } }) ?? 3
    let json = arguments.flag("--json")
    let rest = try arguments.positionals()
    guard rest == ["render"] else { throw .usage("Expected 'sendout bench render', got '\(rest.joined(separator: " "))'") }

    var pairs: [(WorldEvent, WebhookEndpoint)] = []
    let types = eventType == "all" ? EventCatalog.all.filter(\.isRenderable).map(\.type) : [eventType]
    for seed in 1...max(64, types.count) {
      let type = types[(seed - 1) % types.count]
      let request = SingleEventRequest(eventType: type, seed: UInt64(seed), secret: "bench-secret")
      do { pairs.append(try request.prepare()) } catch { throw .usage(error.message) }
    }
    var builders = pairs.map { SendoutBuilder(endpoint: $0.1, seed: 99) }
    let clock = ContinuousClock()
    let deadline = clock.now.advanced(by: .milliseconds(Int64(seconds * 1000)))
    var count = 0
    var bytes = 0
    let started = clock.now
    while clock.now < deadline {
      for _ in 0..<256 {
        let i = count % pairs.count
        let sendout = builders[i].make(pairs[i].0)
        bytes += sendout.body.count
        count += 1
      }
    }
    let elapsed = started.duration(to: clock.now)
    let secondsTaken = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let rate = Double(count) / secondsTaken
    let meanSize = bytes / max(count, 1)
    if json {
      Console.out(
        JSON.object([
          "event_type": .string(eventType), "payloads": .int(count), "seconds": .double(secondsTaken),
          "payloads_per_second": .int(Int(rate)), "mean_body_bytes": .int(meanSize),
        ]).compactString)
    } else {
      Console.out("render+sign \(eventType): \(Int(rate)) payloads/s on one core (\(count) in \(String(format: "%.2f", secondsTaken)) s, mean body \(meanSize) B)")
    }
    return 0
  }
}
