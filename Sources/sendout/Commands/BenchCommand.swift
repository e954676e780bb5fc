import SendoutCore

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
    resend+sign reuses the serialized data of an event already rendered (what a load test and an event
    sent to several endpoints do) and still writes a fresh envelope and signature. TYPE takes events from 64
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
    switch arguments.subcommand(["render", "world"]) {
    case "render": return try RenderBench.run(&arguments)
    case "world": return try WorldBench.run(&arguments)
    default:
      let rest = try arguments.positionals()
      throw .usage("Expected 'sendout bench render' or 'sendout bench world', got '\(rest.joined(separator: " "))'")
    }
  }
}
