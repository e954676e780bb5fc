import SendoutCore
import SendoutIO

/// `sendout audit`: the audit log as Voucherify's Webhook sendouts tab shows it.
enum AuditCommand: Command {
  static let name = "audit"
  static let summary = "Show the audit log: the latest status of every sendout and its attempts."
  static let help = """
    USAGE: sendout audit [--audit FILE] [--status S] [--type T] [--json]

    Reads the JSON Lines audit log that 'fire' and 'retry' append to (one record per attempt) and
    shows one row per sendout, like the Webhook sendouts tab of Voucherify's Audit log: latest
    status, type, sendout id, source, attempts, last HTTP status, when it last ran, target and error.
    A partial last line (a crash mid-write) is skipped with a warning.

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

    let contents: AuditLogContents
    do { contents = try FileAuditLog(path: path).read() } catch { throw .badInput(error.message) }
    for warning in contents.warnings { Console.err("warning: \(warning)") }
    let rows = AuditSummary(contents.records).filtered(status: status, type: type)
    if json {
      Console.out(JSON.array(rows.map(describe)).prettyString)
      return 0
    }
    guard !rows.isEmpty else {
      Console.out(contents.records.isEmpty ? "No sendouts recorded in \(path) yet." : "No sendouts match.")
      return 0
    }
    let header = ["STATUS", "TYPE", "SENDOUT ID", "SOURCE", "ATTEMPTS", "HTTP", "EXECUTED AT", "TARGET URL", "ERROR"]
    let table = rows.map { row -> [String] in
      let r = row.latest
      return [
        r.status.rawValue, r.type, r.sendoutID, "\(r.sourceObject.rawValue) \(r.sourceID)", "\(row.attempts)",
        r.httpStatus.map(String.init) ?? "-", r.executedAt.iso8601, r.targetURL, r.error ?? "",
      ].map(TerminalText.escape)
    }
    let widths = header.indices.map { i in ([header] + table).map { $0[i].count }.max() ?? 0 }
    for line in [header] + table {
      Console.out(
        line.indices.map { i in
          i == line.count - 1 ? line[i] : line[i].padding(toLength: widths[i], withPad: " ", startingAt: 0)
        }.joined(separator: "  "))
    }
    Console.out("\n\(rows.count) sendout\(rows.count == 1 ? "" : "s") from \(path)")
    return 0
  }

  static func describe(_ row: AuditSummary.Row) -> JSON {
    guard case .object(var o) = row.latest.json else { return .null }
    var out = JSONObject()
    for member in o.members {
      out.append(member.key, member.value)
      if member.key == "attempt" { out.append("attempts", .int(row.attempts)) }
    }
    o = out
    return .object(o)
  }
}
