import Foundation
import SendoutCore
import SendoutIO
import SendoutSessions

/// `sendout fire`: render one event as a sendout and deliver it with Voucherify's retry schedule.
enum FireCommand: Command {
  static let name = "fire"
  static let summary = "Deliver one webhook for an event, retried like Voucherify, recorded in the audit log."
  static let help = """
    USAGE: sendout fire EVENT [--to URL] [--secret S] [--seed N] [--via project|distribution]
                        [--purpose P] [--event-name NAME] [--at TIME]
                        [--header 'name: value']… [--retry-schedule S] [--time-scale F] [--timeout D]
                        [--audit FILE] [--resume]

    Renders EVENT as a v2024-01-01 sendout, signs it with --secret (header x-voucherify-signature)
    and POSTs it, retrying on any non-2xx, timeout or connection error. One line per attempt shows
    the status, latency and when the next retry is due. Every attempt is appended to the audit log.

    Without --to, a built-in listener starts on 127.0.0.1 (a free port), receives the webhook and
    shows what arrived, including the signature check; without --secret it then signs with a
    generated secret and prints it.

    Extension: a 429 or 503 answer with Retry-After (seconds) is retried when it asks, but never later
    than the schedule's next step (Voucherify documents no Retry-After handling).

    When every attempt fails, the sendout is FAILED and its source is paused (distribution) or
    disabled (project webhook), as Voucherify does: later sendouts for that source (same --seed and
    --via) are recorded as SKIPPED until you pass --resume or 'sendout retry' delivers one.

    OPTIONS:
      --to URL               Where to POST (default: a built-in listener, see above).
      --secret S             The project's webhook secret; unsigned when absent (with --to).
      --seed N               Fixes every id and value of the rendered body (default 1).
      --via KIND             project or distribution (default: where the event is configurable first).
      --purpose P            Distribution purpose: notify_about_promotion, send_and_publish_unique_codes,
                             plain_message (default: the first the docs allow for EVENT).
      --event-name NAME      Distribution "Event name", sent as the envelope type (default: EVENT with dashes).
      --at TIME              Simulated clock start, ISO-8601 UTC (default 2024-03-13T13:45:00.000Z).
      --header 'name: value' A custom header (names: lowercase letters, digits, dashes). Repeatable.
      --retry-schedule S     voucherify (default: 12 retries over 24 h), none, or durations since the
                             first attempt, e.g. 100ms,1s,5s.
      --time-scale F         Multiply every retry delay by F (0.001: the 24 h schedule in ~86 s).
      --timeout D            Per-attempt timeout (default 10s, as Voucherify; whole seconds).
      --audit FILE           The audit log (default ./sendout-audit.jsonl).
      --resume               Set a paused/disabled source live again before sending.

    EXIT: 0 delivered, 1 finally FAILED / SKIPPED / interrupted, 64 bad arguments, 65 bad audit log.

    EXAMPLES:
      sendout fire customer.publication.succeeded
      sendout fire customer.publication.succeeded --to http://127.0.0.1:8080/hooks --secret s
      sendout fire voucher.published --to http://localhost:3000/webhooks --retry-schedule 100ms,200ms,400ms
      sendout fire voucher.published --to http://127.0.0.1:9/dead --time-scale 0.0001
    """

  static func run(_ arguments: inout Arguments) async throws(CLIError) -> Int32 {
    let target = try arguments.option("--to")
    let request = try EventOptions.parse(&arguments, eventType: "", targetURL: "").request
    let resume = arguments.flag("--resume")
    let delivery = try DeliveryOptions.parse(&arguments, defaultSchedule: .voucherify)
    let rest = try arguments.positionals()
    guard rest.count == 1 else {
      throw .usage(
        rest.isEmpty
          ? "Missing EVENT, e.g. 'sendout fire customer.publication.succeeded'"
          : "'fire' takes one EVENT, got \(rest.count): \(rest.joined(separator: " "))")
    }
    var event = request
    event.eventType = rest[0]
    let configuration = FireSession.Configuration(request: event, target: target, delivery: delivery, resume: resume)
    let printer = FirePrinter(delivery: delivery)
    let result = try await Session.run { () throws(SessionError) in
      try await FireSession.run(configuration, observer: printer.show)
    }
    return try printer.finish(result)
  }
}
