import Foundation
import SendoutCore
import SendoutIO
import SendoutSessions

/// `sendout run`: plays a scenario and delivers every sendout it makes; fails the build when the receiver
/// misbehaves or an expectation is not met.
enum RunCommand: Command {
  static let name = "run"
  static let summary =
    "Play a scenario file and deliver its sendouts (summary, --json, --junit); exit 1 when an expectation is not met."
  static let help = """
    USAGE: sendout run SCENARIO [--to URL] [--seed N] [--audit FILE] [--retry-schedule S] [--time-scale F]
                                [--timeout D] [--concurrency N] [--json] [--junit FILE] [--dry-run] [--resume]
                                [--duplicates F] [--reorder N] [--ci] [--deadline D]

    Builds the scenario's world, plays its steps, renders every event for every project webhook and
    distribution that receives it (signed with project.secret, or a secret generated from the seed when the
    scenario has none, printed), and delivers them in order with
    Voucherify's retry schedule, appending every attempt to the audit log. On a terminal a status line counts
    the sendouts done, failed and retrying, once a second (not when piped). At the end it prints a summary
    table (sendouts by event type and status, latency percentiles) and checks the scenario's `expect`.
    The same scenario and seed always produce byte-identical bodies.

    Without --to, endpoints that name no target_url go to the built-in listener, started in-process: it
    prints each webhook as it arrives and checks its signature. --to sends everything to one URL.
    The format is documented in Scenarios/README.md; shipped examples are in Scenarios/.

    At-least-once chaos (Voucherify delivers at least once, and retries reorder deliveries), seeded by
    the run's seed: --duplicates F delivers a fraction F of the sendouts once more after they succeed
    (same id, bytes and signature), a few sendouts later; --reorder N delivers the plan in windows of N
    sendouts, each shuffled. Duplicates are audit records of their sendout marked "duplicate": true (they
    never change its status); reordered records carry "planned_position". The summary says how the
    receiver answered duplicates, and "duplicates_acknowledged": true in the scenario's expect fails the
    run when one got a non-2xx.

    OPTIONS:
      --to URL               Send every sendout here (overrides the scenario's target URLs).
      --seed N               Override the scenario's seed.
    \(OptionHelp.delivery)
      --concurrency N        Sendouts in flight at once (default 1: receivers see events in order).
      --json                 Print the summary as JSON instead of the table.
      --junit FILE           Also write a JUnit XML report (one test case per sendout and per expectation).
      --dry-run              Render everything and send nothing: list the planned sendouts.
      --resume               Continue an interrupted or killed run from its audit log (same scenario and
                             seed, so the same sendout ids): SUCCESS sendouts are not resent, RETRYING ones
                             are sent again, unsent ones are sent; FAILED/SKIPPED stay (see 'sendout retry').
      --duplicates F         Re-deliver a fraction F (0…1) of the sendouts after they succeed.
      --reorder N            Deliver in seeded shuffles of windows of N sendouts.
      --deadline D           Stop after D (e.g. 5m) as Ctrl-C does: unfinished sendouts RETRYING, summary, exit 1.

    EXIT: 0 all expectations met, 1 a sendout failed or an expectation was not met, 64 bad arguments,
          65 invalid scenario file.

    EXAMPLES:
      sendout run Scenarios/spring-discounts.json
      sendout run Scenarios/loyalty-program.json --to http://127.0.0.1:8080/webhooks --junit report.xml
      sendout run Scenarios/every-event.json --dry-run
      sendout run Scenarios/order-lifecycle.json --to http://127.0.0.1:8080/hooks --audit ci.jsonl --resume
      sendout run Scenarios/segments.json --to http://localhost:3000/hooks --retry-schedule 100ms,1s --json
      sendout run Scenarios/at-least-once.json --to http://localhost:3000/hooks --duplicates 0.3 --reorder 4
    """

  static func run(_ arguments: inout Arguments) async throws(CLIError) -> Int32 {
    let target = try arguments.option("--to")
    let seed = try arguments.option("--seed", expected: "a non-negative integer") { UInt64($0) }
    let concurrency =
      try arguments.option("--concurrency", expected: "an integer from 1 to 256") {
        Int($0).flatMap { (1...256).contains($0) ? $0 : nil }
      } ?? 1
    let json = arguments.flag("--json")
    let junitPath = try arguments.option("--junit")
    let dryRun = arguments.flag("--dry-run")
    let resume = arguments.flag("--resume")
    let (duplicates, reorder) = try chaos(&arguments)
    let deadline = try arguments.option("--deadline", expected: "a duration up to 1d, like 90s or 5m") {
      DurationText.wholeMilliseconds($0).flatMap { $0 > 0 && $0 <= 86_400_000 ? $0 : nil }
    }
    let delivery = try DeliveryOptions.parse(
      &arguments, defaultSchedule: .voucherify, environment: ProcessInfo.processInfo.environment)
    guard delivery.headers.isEmpty else { throw .usage("'run' takes headers from the scenario file, not --header") }
    let file = try ScenarioArgument.parse(&arguments)
    if dryRun {
      let plan = try await Session.run { () throws(SessionError) in
        try RunSession.plan(file: file, seed: seed, target: target)
      }
      return try Session.finish(CommandEnding(RunText.dryRun(plan.sendouts, scenario: plan.scenario, json: json)))
    }
    let configuration = RunSession.Configuration(
      file: file, seed: seed, target: target, delivery: delivery, concurrency: concurrency, resume: resume,
      junitPath: junitPath, duplicates: duplicates, reorderWindow: reorder,
      deadlineMilliseconds: deadline)
    let text = RunText(json: json, delivery: delivery, duplicates: duplicates, reorder: reorder)
    let line = Console.isTerminal && !json ? ProgressLine() : nil  // run's status line, on a terminal only
    let status = line.map { RunStatus(show: $0.show) }
    let print = Session.printing(above: line, text.lines)
    let result: RunSession.Result
    do {
      result = try await Session.run { () throws(SessionError) in
        try await RunSession.run(configuration) { event in
          print(event)
          status?.record(event)
        }
      }
    } catch {
      status?.stop()
      line?.end()
      throw error
    }
    status?.stop()
    line?.end()
    return try Session.finish(text.ending(result))
  }

  /// `--duplicates F` (0…1) and `--reorder N` (1…1000).
  static func chaos(_ arguments: inout Arguments) throws(CLIError) -> (Double, Int) {
    let duplicates =
      try arguments.option("--duplicates", expected: "a fraction from 0 to 1, e.g. 0.2") {
        Double($0).flatMap { (0...1).contains($0) ? $0 : nil }
      } ?? 0
    let reorder =
      try arguments.option("--reorder", expected: "a window of 1 to 1000 sendouts") {
        Int($0).flatMap { (1...1000).contains($0) ? $0 : nil }
      } ?? 1
    return (duplicates, reorder)
  }
}
