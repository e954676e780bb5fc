import Foundation
import SendoutCore
import SendoutIO

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
    let to = try arguments.option("--to")
    if let to {
      do throws(DeliveryError) { try TransportRequest.validate(url: to) } catch { throw .usage(error.message) }
    }
    var request = try EventOptions.parse(&arguments, eventType: "", targetURL: "").request
    var secret = request.secret
    let resume = arguments.flag("--resume")
    let options = try DeliveryOptions.parse(&arguments, defaultSchedule: .voucherify)
    let rest = try arguments.positionals()
    guard rest.count == 1 else {
      throw .usage(
        rest.isEmpty
          ? "Missing EVENT, e.g. 'sendout fire customer.publication.succeeded'"
          : "'fire' takes one EVENT, got \(rest.count): \(rest.joined(separator: " "))")
    }

    var listener: WebhookListener?
    var generated = false
    if to == nil {
      if secret == nil {
        secret = generatedSecret()
        generated = true
      }
      let embedded = WebhookListener(
        configuration: ListenerConfiguration(
          port: 0, secret: secret,
          onReceive: { request in
            Console.out("  listener ← \(request.line)")
          }))
      do { try embedded.start() } catch { throw .internal(error.message) }
      listener = embedded
    }
    defer { listener?.stop() }
    let target = to ?? (listener!.baseURL + "/webhooks")

    request.eventType = rest[0]
    request.targetURL = target
    request.secret = secret
    request.headers = options.headers
    let sendout: SendoutCore.Sendout
    do { sendout = try request.sendout() } catch { throw .usage(error.message) }
    if let listener {
      if generated { Console.out("No --secret given: signing with the generated secret \(secret ?? "")") }
      Console.out(
        "Started the built-in listener on \(listener.baseURL); it prints what arrives and checks the signature")
    }

    let log = options.auditLog
    var paused: Set<String> = []
    do {
      let contents = try log.read()
      for warning in contents.warnings { Console.err("warning: \(warning)") }
      let summary = AuditSummary(contents.records)
      paused = resume ? [] : summary.pausedSources
      if summary.latest(for: sendout.id) != nil {
        Console.out(
          "Note: \(sendout.id) is already in \(log.path) (same --seed renders the same sendout); pass another --seed for a new one"
        )
      }
    } catch { throw .badInput(error.message) }

    let configuration: DeliveryConfiguration
    do { configuration = try DeliveryConfiguration(policy: options.policy, maxInFlight: 1) } catch {
      throw .usage(error.message)
    }
    let dispatcher = Dispatcher(configuration: configuration, auditLog: log, pausedSources: paused)
    let kind = sendout.source.object == .webhook ? "project webhook" : "distribution"
    Console.out(
      "Sending \(sendout.id) (\(sendout.eventType) via \(kind) \(sendout.source.id), \(sendout.body.count) B) to \(TargetURL.withoutPassword(target))"
    )
    Console.out(
      "Retry schedule: \(options.policy.schedule)\(options.policy.timeScale == 1 ? "" : " × \(options.policy.timeScale)"), timeout \(DurationText.format(milliseconds: Double(options.policy.timeoutMilliseconds)))"
    )
    let printer = DeliveryPrinter(showID: false, maxAttempts: options.policy.maxAttempts)
    let report = await Interrupt.cancelling {
      await dispatcher.run([sendout]) { event in for line in printer.lines(for: event) { Console.out(line) } }
    }
    Console.out("Audit log: \(log.path)")
    if let error = report.auditError { throw .internal(error.message) }
    if report.cancelled {
      throw .failed(
        "Interrupted: \(sendout.id) is recorded as RETRYING in \(log.path); resend it with 'sendout retry \(sendout.id)'"
      )
    }
    switch report.finalStatus[sendout.id] {
    case .success?:
      return 0
    case .skipped?:
      throw .failed(
        "\(sendout.id) was SKIPPED: its \(kind) \(sendout.source.id) is paused after an earlier sendout failed; pass --resume to set it live"
      )
    default:
      let attempts = report.records(of: sendout.id).last?.attempt ?? 0
      throw .failed(
        "\(sendout.id) FAILED after \(attempts) attempt\(attempts == 1 ? "" : "s"); resend it later with 'sendout retry --failed --audit \(log.path)'"
      )
    }
  }

  /// 32 random hex digits from the system generator (the CLI, not the deterministic core).
  static func generatedSecret() -> String {
    var generator = SystemRandomNumberGenerator()
    return Hex.encode((0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) })
  }
}
