import SendoutCore
import SendoutIO
import SendoutSessions

/// `sendout audit`: the audit log as Voucherify's Webhook sendouts tab shows it.
enum AuditCommand: Command {
  static let name = "audit"
  static let summary = "Show the audit log: the latest status of every sendout and its attempts."
  static let help = """
    USAGE: sendout audit [--audit FILE] [--status S] [--type T] [--json]

    Reads the JSON Lines audit log that 'fire', 'run' and 'retry' append to (one record per attempt) and
    shows one row per sendout, like the Webhook sendouts tab of Voucherify's Audit log: latest
    status, type, sendout id, source, attempts, last HTTP status, when it last ran, target and error.
    A partial last line (a crash mid-write) is skipped with a warning. A load test's audit file
    ('sendout load --audit FILE', one line per request) is recognised and shown one row per request.

    OPTIONS:
      --audit FILE   The audit log (default ./sendout-audit.jsonl); a FILE that does not exist is exit 65.
      --status S     Only sendouts whose latest status is S: SUCCESS, RETRYING, FAILED or SKIPPED.
      --type T       Only sendouts whose type or event type is T.
      --json         An array of the latest records, each with "attempts", for scripts.

    EXAMPLES:
      sendout audit
      sendout audit --status FAILED
      sendout audit --json | jq -r '.[] | select(.status == "FAILED") | .sendout_id'
    """

  static func run(_ arguments: inout Arguments) async throws(CLIError) -> Int32 {
    let given = try arguments.option("--audit")
    let path = given ?? FileAuditLog.defaultPath
    let status = try arguments.option(
      "--status", expected: "SUCCESS, RETRYING, FAILED or SKIPPED", AuditStatus.init(text:))
    let type = try arguments.option("--type")
    let json = arguments.flag("--json")
    try arguments.noPositionals("audit")

    let contents = try await Session.run { () throws(SessionError) in
      try AuditSession.read(path: path, mustExist: given != nil) { Console.warning($0) }
    }
    return try Session.finish(AuditListing.ending(contents, path: path, status: status, type: type, json: json))
  }
}
