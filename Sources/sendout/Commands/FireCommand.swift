import Foundation
import SendoutCore
import SendoutIO
import SendoutSessions

/// `sendout fire`: render one event as a sendout and deliver it with Voucherify's retry schedule.
enum FireCommand: Command {
  static let name = "fire"
  static let summary =
    "Deliver one signed webhook for an event (or any JSON --body), retried like Voucherify, recorded in the audit log."
  static let help = """
    USAGE: sendout fire (EVENT | --body FILE) [--to URL] [--secret S] [--seed N] [--at TIME]
                        [--repeat N [--interval D]] [--set PATH=VALUE]… [--unset PATH]… [--set-new]
                        [--via project|distribution] [--purpose P] [--event-name NAME]
                        [--header 'name: value']… [--retry-schedule S] [--time-scale F] [--timeout D]
                        [--audit FILE] [--ci] [--resume] [--honor-pause] [--json] [-v]

    Renders EVENT as a v2024-01-01 sendout, signs it with --secret (header x-voucherify-signature)
    and POSTs it, retrying on any non-2xx, timeout or connection error. One line per attempt shows
    the status, latency and when the next retry is due. Every attempt is appended to the audit log.
    A delivered fire prints at most five short lines; -v adds the seed (and the 'sendout render' line
    that renders the same body again), the retry schedule and the listener's full line.

    Every fire is a new event, as on the platform: without --seed a fresh seed is drawn (and printed,
    with the 'sendout render' line that renders the same body again), and without --at the simulated
    clock starts at the wall clock's now, so ids and created_at are new each time. The project, its
    webhook and its distribution keep their ids from fire to fire. --seed and --at make a fire
    reproducible; --repeat N fires N fresh sendouts one after the other (with --seed S: seeds S, S+1, …).

    --set and --unset change the body before it is signed (see 'sendout render --help'). --body FILE
    (or - for standard input) sends any JSON body instead of a rendered event, exactly as written, signed,
    with the retry schedule and the audit log; its sendout id is the body's "id" (or minted fresh when it
    has none, or not 1-128 letters, digits, '_', '-', '.', ':'), its event type the body's "type" (or "custom").

    Without --to, a built-in listener starts on 127.0.0.1 (a free port), receives the webhook and
    shows what arrived, including the signature check; without --secret (or SENDOUT_SECRET) it then
    signs with a generated secret and prints it. A line names the secret's source and first characters.

    Extension: a 429 or 503 answer with Retry-After (seconds) is retried when it asks, but never later
    than the schedule's next step (Voucherify documents no Retry-After handling).

    When every attempt fails, the sendout is FAILED and its source is paused (distribution) or
    disabled (project webhook) at that URL, as Voucherify does (each URL is its own webhook). A later
    fire to that URL still delivers, saying Voucherify would have skipped it; --honor-pause records it
    SKIPPED instead, as Voucherify does, until --resume or 'sendout retry' delivers one.

    OPTIONS:
      --to URL               Where to POST (default: a built-in listener, see above).
      --secret S             The project's webhook secret (default: $SENDOUT_SECRET; unsigned with --to).
      --seed N               Fixes every id and value of the rendered body (default: drawn fresh, printed).
    \(OptionHelp.event)
      --at TIME              Simulated clock start, ISO-8601 UTC or 'now' (default: now).
      --repeat N             Fire N fresh sendouts, one after the other (default 1).
      --body FILE            Send this JSON body (- for standard input) instead of rendering an EVENT.
      --interval D           Wall-clock wait between two fires with --repeat, e.g. 500ms, 2s (default 0).
    \(OptionHelp.edits)
    \(OptionHelp.delivery)
      --resume               Set a paused/disabled source live again before sending.
      --honor-pause          Skip (record SKIPPED) a sendout to a paused/disabled source, as Voucherify does.
      --json                 Standard output: one JSON object per sendout when it is done, its latest audit
                             record with "attempts" (as an element of 'sendout audit --json'); the usual lines
                             go to standard error.
      -v, --verbose          Every line: the seed, the render line, the retry schedule, the listener's details.

    EXIT: 0 delivered, 1 finally FAILED / SKIPPED / interrupted, 64 bad arguments (or a --set path that does
          not exist), 65 bad audit log or a --body that is not JSON.

    EXAMPLES:
      sendout fire customer.publication.succeeded
      sendout fire redemption.succeeded --repeat 5 --interval 1s
      sendout fire voucher.published --seed 42 --at 2024-03-13T13:45:00.000Z
      sendout fire customer.order.paid --set data.customer.email=dev@example.com --set data.order.amount=12900
      echo '{"type":"ping","n":1}' | sendout fire --body - --to http://localhost:3000/webhooks --secret s
      sendout fire customer.publication.succeeded --to http://127.0.0.1:8080/hooks --secret s
      sendout fire voucher.published --to http://localhost:3000/webhooks --retry-schedule 100ms,200ms,400ms
      sendout fire voucher.published --to http://127.0.0.1:9/dead --time-scale 0.0001
    """

  static func run(_ arguments: inout Arguments) async throws(CLIError) -> Int32 {
    let target = try arguments.option("--to")
    let options = try EventOptions.parse(&arguments, eventType: "", targetURL: "")
    var event = options.request
    try EditOptions.parse(&arguments, into: &event)
    let bodyPath = try arguments.option("--body")
    let resume = arguments.flag("--resume")
    let honorPause = arguments.flag("--honor-pause")
    let json = arguments.flag("--json")
    let verbose = arguments.flag("--verbose", alias: "-v")
    let environment = ProcessInfo.processInfo.environment
    let repeatCount =
      try arguments.option("--repeat", expected: "an integer from 1 to 10000") {
        Int($0).flatMap { (1...10_000).contains($0) ? $0 : nil }
      } ?? 1
    let interval =
      try arguments.option("--interval", expected: "0 or a duration up to 1d, like 500ms or 2s") {
        $0 == "0" ? 0 : DurationText.milliseconds($0).flatMap { $0 <= 86_400_000 ? Int64($0.rounded()) : nil }
      } ?? 0
    let delivery = try DeliveryOptions.parse(&arguments, defaultSchedule: .voucherify, environment: environment)
    event.eventType = try eventType(try arguments.positionals(), body: bodyPath)
    let fromEnvironment = event.secret == nil && !(environment["SENDOUT_SECRET"] ?? "").isEmpty
    if fromEnvironment { event.secret = environment["SENDOUT_SECRET"] }
    let configuration = FireSession.Configuration(
      request: event, target: target, delivery: delivery, resume: resume, freshSeed: !options.seedGiven,
      startNow: !options.atGiven, repeatCount: repeatCount, intervalMilliseconds: interval, bodyPath: bodyPath,
      honorPause: honorPause, secretSource: fromEnvironment ? .environment("SENDOUT_SECRET") : .flag)
    let text = FireText(delivery: delivery, verbose: verbose)
    let result = try await Session.run { () throws(SessionError) in
      try await FireSession.run(configuration, observer: Session.printing(toStandardError: json, text.lines))
    }
    return try Session.finish(text.ending(result), json: json ? SendoutJSONLines.lines(result.report) : nil)
  }

  /// The one EVENT (none with `--body`).
  static func eventType(_ rest: [String], body: String?) throws(CLIError) -> String {
    if let body {
      guard rest.isEmpty else { throw .usage("'fire --body \(body)' takes no EVENT, got '\(rest[0])'") }
      return "custom"
    }
    guard rest.count == 1 else {
      throw .usage(
        rest.isEmpty
          ? "Missing EVENT, e.g. 'sendout fire customer.publication.succeeded' (or --body FILE)"
          : "'fire' takes one EVENT, got \(rest.count): \(rest.joined(separator: " "))")
    }
    return rest[0]
  }
}
