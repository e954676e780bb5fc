import SendoutCore
import SendoutIO

/// `sendout retry`: resend recorded sendouts byte for byte, as the dashboard's Retry does.
enum RetryCommand: Command {
  static let name = "retry"
  static let summary = "Resend sendouts from the audit log (by id, or every FAILED one) and record the outcome."
  static let help = """
    USAGE: sendout retry [--audit FILE] (SENDOUT_ID… | --failed) [--to URL] [--secret S] [--header 'name: value']…
                         [--retry-schedule S] [--time-scale F] [--timeout D]

    Resends the exact recorded body and headers under the same sendout id to the recorded target URL,
    like "Retry" in Voucherify's Audit log, and appends each attempt to the log (attempt numbers
    continue). One attempt by default; a manual retry never pauses a source, and a success sets a
    paused one live again. Header values redacted in the log (authorization-like) are not resent
    unless given again with --header. --secret re-signs the body instead of resending the recorded signature.

    OPTIONS:
      --audit FILE           The audit log (default ./sendout-audit.jsonl).
      --failed               Every sendout whose last attempt FAILED (also if later SKIPPED).
      --to URL               Send to URL instead of the recorded target (the body is unchanged).
      --secret S             Re-sign with S.
      --header 'name: value' Re-supply a header (e.g. a redacted one). Repeatable.
      --retry-schedule S     Retries for this resend (default none), e.g. 1s,5s.
      --time-scale F, --timeout D   As for 'fire'.

    EXIT: 0 all delivered, 1 some failed, 64 bad arguments or unknown id, 65 bad audit log.

    EXAMPLES:
      sendout retry --failed
      sendout retry --failed --to http://127.0.0.1:8080/webhooks
      sendout retry whs_0f1c3a9b2d40000001 --audit ci-audit.jsonl
      sendout retry --failed --header 'authorization: Bearer dev-token'
    """

  static func run(_ arguments: inout Arguments) async throws(CLIError) -> Int32 {
    let failed = arguments.flag("--failed")
    let secret = try arguments.option("--secret")
    let to = try arguments.option("--to")
    if let to {
      do throws(DeliveryError) { try TransportRequest.validate(url: to) } catch { throw .usage(error.message) }
    }
    let options = try DeliveryOptions.parse(&arguments, defaultSchedule: .none)
    let ids = try arguments.positionals()
    guard failed != !ids.isEmpty else {
      throw .usage(
        failed
          ? "Give either SENDOUT_IDs or --failed, not both"
          : "Give SENDOUT_IDs or --failed; see 'sendout audit --status FAILED'")
    }
    let log = options.auditLog
    let summary: AuditSummary
    do {
      let contents = try log.read()
      for warning in contents.warnings { Console.err("warning: \(warning)") }
      summary = AuditSummary(contents.records)
    } catch { throw .badInput(error.message) }

    var picked: [AuditSummary.Row] = []
    if failed {
      picked = summary.rows.filter(\.lastAttemptFailed)
      guard !picked.isEmpty else {
        Console.out("No FAILED sendouts in \(log.path).")
        return 0
      }
    } else {
      for id in ids {
        guard let row = summary.rows.first(where: { $0.latest.sendoutID == id }) else {
          throw .usage("Unknown sendout id '\(id)' in \(log.path); see 'sendout audit --audit \(log.path)'")
        }
        picked.append(row)
        if row.latest.status == .skipped, row.lastAttempt == nil {
          Console.err("warning: \(id) was never attempted (SKIPPED while its source was paused); sending it now")
        }
      }
    }

    var sendouts: [SendoutCore.Sendout] = []
    var previous: [String: Int] = [:]
    for row in picked {
      var sendout = row.latest.sendout
      if let to { sendout.source.targetURL = to }
      for header in options.headers {
        sendout.headers.removeAll { $0.name == header.name }
        sendout.headers.append(header)
      }
      if let secret {
        sendout.headers.removeAll { $0.name == VoucherifySignature.headerName }
        sendout.headers.insert(
          HTTPHeader(VoucherifySignature.headerName, VoucherifySignature(secret: secret).sign(sendout.body)),
          at: min(1, sendout.headers.count))
      }
      let missing = row.latest.redactedHeaderNames.filter { name in !options.headers.contains { $0.name == name } }
      if !missing.isEmpty {
        Console.err(
          "warning: \(row.latest.sendoutID): not resending \(missing.joined(separator: ", ")) (redacted in the log); give it again with --header"
        )
      }
      sendouts.append(sendout)
      previous[sendout.id] = row.attempts
    }

    let configuration: DeliveryConfiguration
    do { configuration = try DeliveryConfiguration(policy: options.policy, pauseOnExhaustion: false) } catch {
      throw .usage(error.message)
    }
    let dispatcher = Dispatcher(configuration: configuration, auditLog: log)
    Console.out("Retrying \(sendouts.count) sendout\(sendouts.count == 1 ? "" : "s") from \(log.path)")
    let printer = DeliveryPrinter(showID: true, maxAttempts: 0)
    let (batch, attemptsSoFar) = (sendouts, previous)
    let report = await Interrupt.cancelling {
      await dispatcher.run(batch, previousAttempts: attemptsSoFar) { event in
        for line in printer.lines(for: event) { Console.out(line) }
      }
    }
    if let error = report.auditError { throw .internal(error.message) }
    let delivered = report.finalStatus.values.filter { $0 == .success }.count
    Console.out("\(delivered) of \(sendouts.count) delivered; audit log: \(log.path)")
    if report.cancelled { throw .failed("Interrupted; unfinished sendouts are recorded as RETRYING") }
    guard delivered == sendouts.count else { throw .failed("\(sendouts.count - delivered) sendout(s) not delivered") }
    return 0
  }
}
