import SendoutCore
import SendoutIO
import SendoutSessions

/// `sendout retry`: resend recorded sendouts byte for byte, as the dashboard's Retry does.
enum RetryCommand: Command {
  static let name = "retry"
  static let summary = "Resend sendouts from the audit log (by id, or every FAILED one) and record the outcome."
  static let help = """
    USAGE: sendout retry [--audit FILE] (SENDOUT_ID… | --failed) [--to URL] [--secret S] [--header 'name: value']…
                         [--retry-schedule S] [--time-scale F] [--timeout D] [--json]

    Resends the exact recorded body and headers under the same sendout id to the recorded target URL,
    like "Retry" in Voucherify's Audit log, and appends each attempt to the log (attempt numbers
    continue). One attempt by default; a manual retry never pauses a source, and a success sets a
    paused one live again. Header values redacted in the log (authorization-like) are not resent
    unless given again with --header. --secret re-signs the body instead of resending the recorded signature.

    OPTIONS:
      --audit FILE           The audit log (default ./sendout-audit.jsonl); a FILE that does not exist is exit 65.
      --failed               Every sendout whose last attempt FAILED (also if later SKIPPED).
      --to URL               Send to URL instead of the recorded target (the body is unchanged).
      --secret S             Re-sign with S.
      --header 'name: value' Re-supply a header (e.g. a redacted one). Repeatable.
      --retry-schedule S     Retries for this resend (default none), e.g. 1s,5s.
      --time-scale F, --timeout D   As for 'fire'.
      --json                 Standard output: one JSON object per resent sendout, as for 'fire --json'.

    EXIT: 0 all delivered, 1 some failed, 64 bad arguments or unknown id, 65 bad or missing audit log.

    EXAMPLES:
      sendout retry --failed
      sendout retry --failed --to http://127.0.0.1:8080/webhooks
      sendout retry whs_0f1c3a9b2d40000001 --audit ci-audit.jsonl
      sendout retry --failed --header 'authorization: Bearer dev-token'
    """

  static func run(_ arguments: inout Arguments) async throws(CLIError) -> Int32 {
    let failed = arguments.flag("--failed")
    let secret = try arguments.option("--secret")
    let target = try arguments.option("--to")
    let json = arguments.flag("--json")
    let delivery = try DeliveryOptions.parse(&arguments, defaultSchedule: .none)
    let ids = try arguments.positionals()
    guard failed != !ids.isEmpty else {
      throw .usage(
        failed
          ? "Give either SENDOUT_IDs or --failed, not both"
          : "Give SENDOUT_IDs or --failed; see 'sendout audit --status FAILED'")
    }
    let configuration = ResendSession.Configuration(
      sendoutIDs: ids, failed: failed, target: target, secret: secret, delivery: delivery)
    let text = ResendText(auditPath: delivery.auditPath)
    let result = try await Session.run { () throws(SessionError) in
      try await ResendSession.run(configuration, observer: Session.printing(toStandardError: json, text.lines))
    }
    return try Session.finish(text.ending(result), json: json ? SendoutJSONLines.lines(result.report) : nil)
  }
}
