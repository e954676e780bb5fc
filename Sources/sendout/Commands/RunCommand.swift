import Foundation
import SendoutCore
import SendoutIO

/// `sendout run`: plays a scenario and delivers every sendout it makes; fails the build when the receiver
/// misbehaves or an expectation is not met.
enum RunCommand: Command {
  static let name = "run"
  static let summary = "Play a scenario file and deliver its sendouts; exit 1 when an expectation is not met."
  static let help = """
    USAGE: sendout run SCENARIO [--to URL] [--seed N] [--audit FILE] [--retry-schedule S] [--time-scale F]
                                [--timeout D] [--concurrency N] [--json] [--junit FILE] [--dry-run] [--resume]

    Builds the scenario's world, plays its steps, renders every event for every project webhook and
    distribution that receives it (signed with project.secret, or a secret generated from the seed when the
    scenario has none, printed), and delivers them in order with
    Voucherify's retry schedule, appending every attempt to the audit log. At the end it prints a summary
    table (sendouts by event type and status, latency percentiles) and checks the scenario's `expect`.
    The same scenario and seed always produce byte-identical bodies.

    Without --to, endpoints that name no target_url go to the built-in listener, started in-process: it
    prints each webhook as it arrives and checks its signature. --to sends everything to one URL.
    The format is documented in Scenarios/README.md; shipped examples are in Scenarios/.

    OPTIONS:
      --to URL             Send every sendout here (overrides the scenario's target URLs).
      --seed N             Override the scenario's seed.
      --audit FILE         The audit log (default ./sendout-audit.jsonl).
      --retry-schedule S   voucherify (default), none, or durations since the first attempt (100ms,1s,5s).
      --time-scale F       Multiply every retry delay by F.
      --timeout D          Per-attempt timeout (default 10s).
      --concurrency N      Sendouts in flight at once (default 1: receivers see events in order).
      --json               Print the summary as JSON instead of the table.
      --junit FILE         Also write a JUnit XML report (one test case per sendout and per expectation).
      --dry-run            Render everything and send nothing: list the planned sendouts.
      --resume             Continue an interrupted or killed run from its audit log (same scenario and
                           seed, so the same sendout ids): SUCCESS sendouts are not resent, RETRYING ones
                           are sent again, unsent ones are sent; FAILED/SKIPPED stay (see 'sendout retry').

    EXIT: 0 all expectations met, 1 a sendout failed or an expectation was not met, 64 bad arguments,
          65 invalid scenario file.

    EXAMPLES:
      sendout run Scenarios/spring-discounts.json
      sendout run Scenarios/loyalty-program.json --to http://127.0.0.1:8080/webhooks --junit report.xml
      sendout run Scenarios/every-event.json --dry-run
      sendout run Scenarios/order-lifecycle.json --to http://127.0.0.1:8080/hooks --audit ci.jsonl --resume
      sendout run Scenarios/segments.json --to http://localhost:3000/hooks --retry-schedule 100ms,1s --json
    """

  static func run(_ arguments: inout Arguments) async throws(CLIError) -> Int32 {
    let to = try arguments.option("--to")
    if let to {
      do throws(DeliveryError) { try TransportRequest.validate(url: to) } catch { throw .usage(error.message) }
    }
    let seed = try arguments.option("--seed", expected: "a non-negative integer") { UInt64($0) }
    let concurrency =
      try arguments.option("--concurrency", expected: "an integer from 1 to 256") {
        Int($0).flatMap { (1...256).contains($0) ? $0 : nil }
      } ?? 1
    let json = arguments.flag("--json")
    let junitPath = try arguments.option("--junit")
    let dryRun = arguments.flag("--dry-run")
    let resume = arguments.flag("--resume")
    let options = try DeliveryOptions.parse(&arguments, defaultSchedule: .voucherify)
    guard options.headers.isEmpty else { throw .usage("'run' takes headers from the scenario file, not --header") }
    let rest = try arguments.positionals()
    guard rest.count == 1 else {
      throw .usage(
        rest.isEmpty
          ? "Missing SCENARIO file, e.g. Scenarios/spring-discounts.json" : "Expected one SCENARIO, got \(rest.count)")
    }
    let file = rest[0]
    let scenario = try ScenarioFile.load(file)

    if dryRun {
      let plan = try makePlan(
        scenario, file: file, seed: seed, defaultTarget: "http://127.0.0.1:8080/webhooks", overrideTarget: to)
      RunOutput.printDryRun(plan, scenario: scenario, json: json)
      return 0
    }

    var listener: WebhookListener?
    if to == nil {
      let embedded = WebhookListener(
        configuration: ListenerConfiguration(
          port: 0, secret: scenario.webhookSecret(seed: seed),
          onReceive: { request in if !json { Console.out("  listener ← \(request.line)") } }))
      do { try embedded.start() } catch { throw .internal(error.message) }
      listener = embedded
    }
    defer { listener?.stop() }
    let plan = try makePlan(
      scenario, file: file, seed: seed, defaultTarget: listener.map { $0.baseURL + "/webhooks" }, overrideTarget: to)
    if let listener, !json {
      Console.out(
        "Started the built-in listener on \(listener.baseURL) for endpoints without a target_url; it checks signatures")
    }
    if !json { Console.out("Running \"\(scenario.name)\": \(plan.count) sendouts, audit log \(options.auditPath)") }
    if scenario.generatesSecret && !json {
      Console.out("No project.secret: signing with the generated secret \(scenario.webhookSecret(seed: seed))")
    }
    var resumed: ResumePlan?
    if resume {
      let contents: AuditLogContents
      do { contents = try options.auditLog.read() } catch { throw .badInput(error.message) }
      for warning in contents.warnings { Console.err("warning: \(warning)") }
      let r = ResumePlan(plan: plan.map(\.sendout), records: contents.records)
      if !json {
        Console.out(
          "Resuming: \(r.delivered) already delivered (not resent), \(r.retrying) left RETRYING (sent again), "
            + "\(r.unsent) not sent yet")
      }
      resumed = r
    }

    let configuration: DeliveryConfiguration
    do { configuration = try DeliveryConfiguration(policy: options.policy, maxInFlight: concurrency) } catch {
      throw .usage(error.message)
    }
    let dispatcher = Dispatcher(
      configuration: configuration, auditLog: options.auditLog, pausedSources: resumed?.pausedSources ?? [])
    let started = Date()
    let printer = DeliveryPrinter(showID: true, maxAttempts: options.policy.maxAttempts)
    let toSend = resumed?.toSend ?? plan.map(\.sendout)
    let previousAttempts = resumed?.previousAttempts ?? [:]
    let report = await Interrupt.cancelling {
      await dispatcher.run(toSend, previousAttempts: previousAttempts) { event in
        guard !json else { return }
        if case .recorded(let r) = event, r.status != .success || r.attempt > 1 {
          for line in printer.lines(for: event) { Console.out(line) }
        }
        if case .paused = event { for line in printer.lines(for: event) { Console.out(line) } }
      }
    }
    let seconds = Date().timeIntervalSince(started)
    if let error = report.auditError { throw .internal(error.message) }

    let summary = RunSummary(
      name: scenario.name, plan: plan, records: (resumed?.earlierRecords ?? []) + report.records,
      expect: scenario.expect)
    if let listener, !json {
      let received = listener.received
      let valid = received.filter { $0.signature == .valid }.count
      Console.out("Built-in listener: \(received.count) received, \(valid) with a valid signature")
    }
    Console.out(json ? summary.json.prettyString : "\n" + summary.text)
    if let junitPath {
      do {
        try JUnitReport.xml(summary, seconds: seconds).write(toFile: junitPath, atomically: true, encoding: .utf8)
      } catch {
        throw .badInput("\(junitPath): cannot write the JUnit report: \(error.localizedDescription)")
      }
    }
    if report.cancelled {
      throw .failed(
        "Interrupted: unfinished sendouts are recorded as RETRYING in \(options.auditPath); continue with --resume")
    }
    return summary.passed ? 0 : 1
  }

  static func makePlan(
    _ scenario: Scenario, file: String, seed: UInt64?, defaultTarget: String?, overrideTarget: String?
  )
    throws(CLIError) -> [PlannedSendout]
  {
    do {
      return try ScenarioPlan.make(
        scenario: scenario, seed: seed, defaultTarget: defaultTarget, overrideTarget: overrideTarget, file: file)
    } catch { throw .badInput(error.description) }
  }
}
