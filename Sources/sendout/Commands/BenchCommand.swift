import SendoutCore

/// `sendout bench render`: rendered + signed payloads per second on one core (used by scripts/bench.sh).
enum BenchCommand: Command {
  static let name = "bench"
  static let summary = "Measure rendering + signing throughput on one core (see scripts/bench.sh)."
  static let help = """
    USAGE: sendout bench render [--event TYPE|all] [--seconds S] [--json]

    Renders and signs sendouts in a loop on one thread for S seconds (default 3) and prints two rates:
    render+sign writes every body from the event's object tree and signs it under a fresh sendout id;
    resend+sign reuses the serialized data of an event already rendered (what a load test and an event
    sent to several endpoints do) and still writes a fresh envelope and signature. TYPE takes events from 64 seeded sample worlds; `all` (the default) cycles
    through every renderable event type, so the mean body size is the catalog's typical size.
    Build with -c release for meaningful figures.

    EXAMPLES:
      swift build -c release && .build/release/sendout bench render
      sendout bench render --event redemption.succeeded --seconds 5 --json
    """

  static func run(_ arguments: inout Arguments) async throws(CLIError) -> Int32 {
    let eventType = try arguments.option("--event") ?? "all"
    let seconds =
      try arguments.option("--seconds", expected: "a positive number", { Double($0).flatMap { $0 > 0 ? $0 : nil } })
      ?? 3
    let json = arguments.flag("--json")
    let rest = try arguments.positionals()
    guard rest == ["render"] else {
      throw .usage("Expected 'sendout bench render', got '\(rest.joined(separator: " "))'")
    }

    var pairs: [(WorldEvent, WebhookEndpoint)] = []
    let types = eventType == "all" ? EventCatalog.all.filter(\.isRenderable).map(\.type) : [eventType]
    for seed in 1...max(64, types.count) {
      let type = types[(seed - 1) % types.count]
      let request = SingleEventRequest(eventType: type, seed: UInt64(seed), secret: "bench-secret")
      do { pairs.append(try request.prepare()) } catch { throw .usage(error.message) }
    }
    // Each builder alternates between an event and a twin with another event id, so its cache of serialized
    // blocks never hits: every payload is written from the object tree. "resend" lets the cache hit, as a
    // load test or one event sent to several endpoints does.
    let twins = pairs.map { pair in
      var twin = pair.0
      twin.eventID += "x"
      return twin
    }
    var results: [(String, Int, Double, Int)] = []
    for mode in ["render+sign", "resend+sign"] {
      var builders = pairs.map { SendoutBuilder(endpoint: $0.1, seed: 99) }
      let (count, secondsTaken, bytes) = measure(seconds: seconds) { n in
        let i = n % pairs.count
        let event = mode == "render+sign" && (n / pairs.count) % 2 == 1 ? twins[i] : pairs[i].0
        return builders[i].make(event).body.count
      }
      results.append((mode, count, secondsTaken, bytes / max(count, 1)))
    }
    if json {
      Console.out(
        JSON.array(
          results.map { r in
            [
              "mode": .string(r.0), "event_type": .string(eventType), "payloads": .int(r.1), "seconds": .double(r.2),
              "payloads_per_second": .int(Int(Double(r.1) / r.2)), "mean_body_bytes": .int(r.3),
            ]
          }
        ).compactString)
    } else {
      for r in results {
        Console.out(
          "\(r.0) \(eventType): \(Int(Double(r.1) / r.2)) payloads/s on one core (\(r.1) in \(String(format: "%.2f", r.2)) s, mean body \(r.3) B)"
        )
      }
    }
    return 0
  }

  /// Calls `body(n)` for n = 0, 1, … for `seconds`; returns the count, the exact seconds and the summed result.
  static func measure(seconds: Double, _ body: (Int) -> Int) -> (Int, Double, Int) {
    let clock = ContinuousClock()
    let started = clock.now
    let deadline = started.advanced(by: .milliseconds(Int64(seconds * 1000)))
    var count = 0
    var total = 0
    while clock.now < deadline {
      for _ in 0..<256 {
        total += body(count)
        count += 1
      }
    }
    let elapsed = started.duration(to: clock.now)
    return (count, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, total)
  }
}
