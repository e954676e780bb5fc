import SendoutCore
import SendoutSessions

/// `sendout bench render|world`: rendering + signing throughput on one core, and the cost of world operations
/// as the world grows (used by scripts/bench.sh).
enum BenchCommand: Command {
  static let name = "bench"
  static let summary = "Measure rendering + signing throughput, and world operation costs (see scripts/bench.sh)."
  static let help = """
    USAGE: sendout bench render [--event TYPE|all] [--seconds S] [--json]
           sendout bench world [--customers N] [--vouchers N] [--lookups N] [--redemptions N] [--json]

    render: renders and signs sendouts in a loop on one thread for S seconds (default 3) and prints two rates:
    render+sign writes every body from the event's object tree and signs it under a fresh sendout id;
    resend+sign reuses the body of an event already rendered (what a load test and an event sent to
    several endpoints do) and still gives each a fresh sendout id and signature. TYPE takes events from 64
    seeded sample worlds; `all` (the default) cycles through every renderable event type, so the mean body size
    is the catalog's typical size.

    world: builds a world of N customers (default 100000) and a coupon campaign of N vouchers (default
    1000000), then times lookups by id and by code (default 100000 of each) and redemptions (default 10000),
    and prints the cost of each operation. The costs should not grow with the world's size.

    Build with -c release for meaningful figures.

    EXAMPLES:
      swift build -c release && .build/release/sendout bench render
      sendout bench render --event redemption.succeeded --seconds 5 --json
      sendout bench world --vouchers 10000
    """

  static func run(_ arguments: inout Arguments) async throws(CLIError) -> Int32 {
    let bench = arguments.subcommand(["render", "world"])
    let json = arguments.flag("--json")
    let report: Result<BenchReport, SessionError>
    switch bench {
    case "render":
      let event = try arguments.option("--event") ?? "all"
      let seconds = try arguments.option("--seconds", expected: "a positive number") {
        Double($0).flatMap { $0 > 0 ? $0 : nil }
      }
      try arguments.noPositionals("bench render")
      report = Result { () throws(SessionError) in try RenderBench.run(eventType: event, seconds: seconds ?? 3) }
    case "world":
      let (customers, vouchers) = (try count(&arguments, "--customers"), try count(&arguments, "--vouchers"))
      let (lookups, redemptions) = (try count(&arguments, "--lookups"), try count(&arguments, "--redemptions"))
      try arguments.noPositionals("bench world")
      report = Result { () throws(SessionError) in
        try WorldBench.run(
          customers: customers ?? 100_000, vouchers: vouchers ?? 1_000_000, lookups: lookups ?? 100_000,
          redemptions: redemptions ?? 10_000)
      }
    default:
      let rest = try arguments.positionals()
      throw .usage("Expected 'sendout bench render' or 'sendout bench world', got '\(rest.joined(separator: " "))'")
    }
    let figures = try report.mapError(CLIError.init).get()
    Console.out(json ? figures.json.compactString : figures.lines.joined(separator: "\n"))
    return 0
  }

  /// A size option of `bench world`: 1 to 10,000,000.
  static func count(_ arguments: inout Arguments, _ name: String) throws(CLIError) -> Int? {
    try arguments.option(name, expected: "a positive integer up to 10000000") {
      Int($0).flatMap { (1...10_000_000).contains($0) ? $0 : nil }
    }
  }
}
