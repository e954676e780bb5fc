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
      --audit FILE   The audit log (default ./sendout-audit.jsonl).
      --status S     Only sendouts whose latest status is S: SUCCESS, RETRYING, FAILED or SKIPPED.
      --type T       Only sendouts whose type or event type is T.
      --json         An array of the latest records, each with "attempts", for scripts.

    EXAMPLES:
      sendout audit
      sendout audit --status FAILED
      sendout audit --json | jq -r '.[] | select(.status == "FAILED") | .sendout_id'
    """

  static func run(_ arguments: inout Arguments) async throws(CLIError) -> Int32 {
    let path = try arguments.option("--audit") ?? FileAuditLog.defaultPath
    let status = try arguments.option(
      "--status", expected: "SUCCESS, RETRYING, FAILED or SKIPPED", AuditStatus.init(text:))
    let type = try arguments.option("--type")
    let json = arguments.flag("--json")
    let rest = try arguments.positionals()
    guard rest.isEmpty else { throw .usage("'audit' takes no arguments, got '\(rest[0])'") }

    let contents = try await Session.run { () throws(SessionError) in
      try AuditSession.read(path: path) { Console.warning($0) }
    }
    if !contents.loadLines.isEmpty {
      let requests = contents.loadLines.filter { status == nil || ($0.succeeded ? .success : .failed) == status }
      if json {
        Console.out(JSON.array(requests.map(\.json)).prettyString)
      } else {
        for line in AuditTable.loadRequests(requests) { Console.out(line) }
        Console.out("\n\(requests.count) load request\(requests.count == 1 ? "" : "s") from \(path)")
      }
      guard contents.records.isEmpty else { throw .badInput("\(path) mixes delivery records and load-test lines") }
      return 0
    }
    let rows = AuditSummary(contents.records).filtered(status: status, type: type)
    if json {
      Console.out(JSON.array(rows.map(\.json)).prettyString)
    } else if rows.isEmpty {
      Console.out(contents.records.isEmpty ? "No sendouts recorded in \(path) yet." : "No sendouts match.")
    } else {
      for line in AuditTable.sendouts(rows) { Console.out(line) }
      Console.out("\n\(rows.count) sendout\(rows.count == 1 ? "" : "s") from \(path)")
    }
    return 0
  }

}
