import SendoutCore

/// What `sendout serve` simulates of Voucherify's REST spec, read from the endpoint tables (never written by hand):
/// `serve --help` prints the counts, `serve --coverage` the whole list, which `scripts/gen-serve-coverage.sh` copies
/// to docs/serve-coverage.md and README.md (a test fails when they differ from the code).
public enum ServeCoverage {
  /// One tag (domain) of the spec: its operations in the spec's order, and which of them are simulated.
  public struct Tag: Sendable, Equatable {
    /// The spec's tag, e.g. `Vouchers`.
    public var name: String
    /// Its simulated operations.
    public var simulated: [APIOperation]
    /// Its operations that answer 501.
    public var notSimulated: [APIOperation]
  }

  /// The `operationId`s `sendout serve` answers: the domain tables and the management webhooks.
  public static var simulatedIDs: Set<String> { Set(APIEndpoints.all.keys).union(APIManagement.all.keys) }

  /// The spec's tags in the order they first appear in the spec, each with its operations.
  public static var tags: [Tag] {
    let simulated = simulatedIDs
    var tags: [Tag] = []
    for operation in APIOperation.spec {
      let name = APIOperation.specTags[operation.operationID] ?? "Other"
      if !tags.contains(where: { $0.name == name }) {
        tags.append(Tag(name: name, simulated: [], notSimulated: []))
      }
      guard let i = tags.firstIndex(where: { $0.name == name }) else { continue }
      if simulated.contains(operation.operationID) {
        tags[i].simulated.append(operation)
      } else {
        tags[i].notSimulated.append(operation)
      }
    }
    return tags
  }

  /// `N of 241 operations of the spec are simulated; the others answer 501`.
  public static var summary: String {
    "\(counts.simulated) of \(counts.total) operations of the spec are simulated; the others answer 501"
  }

  /// How many of the spec's operations are simulated, and how many it has (`sendout serve`'s one-line summary).
  public static var counts: (simulated: Int, total: Int) {
    (APIOperation.spec.filter { simulatedIDs.contains($0.operationID) }.count, APIOperation.spec.count)
  }

  /// The lines `sendout serve --help` shows: the counts per tag, wrapped to `width` columns.
  public static func helpText(width: Int = 116) -> String {
    var lines = ["Coverage: \(summary). By tag:"]
    var line = " "
    for tag in tags {
      let item = " \(tag.name) \(tag.simulated.count)/\(tag.simulated.count + tag.notSimulated.count)"
      if line.count + item.count + 1 > width {
        lines.append(line)
        line = " "
      }
      line += item + ","
    }
    lines.append(String(line.dropLast()) + ".")
    lines.append("'sendout serve --coverage' lists each simulated operation (method, path, operationId).")
    return lines.joined(separator: "\n")
  }

  /// The per-tag counts and simulated `operationId`s as a Markdown table (README.md shows it).
  public static var table: String {
    var lines = ["| tag | simulated | operations (`operationId`) |", "|---|---|---|"]
    for tag in tags {
      let total = tag.simulated.count + tag.notSimulated.count
      let ids = tag.simulated.isEmpty ? "–" : tag.simulated.map { "`\($0.operationID)`" }.joined(separator: ", ")
      lines.append("| \(tag.name) | \(tag.simulated.count) of \(total) | \(ids) |")
    }
    return lines.joined(separator: "\n")
  }

  /// The whole list, per tag (docs/serve-coverage.md is this text, and `sendout serve --coverage` prints it).
  public static var document: String {
    var lines = [
      "# What `sendout serve` simulates", "",
      "<!-- Generated from the endpoint tables by scripts/gen-serve-coverage.sh (`sendout serve --coverage`). "
        + "Do not edit. -->", "",
      "\(summary) with Voucherify's error body naming the operation (`not_implemented`). The spec is "
        + "Spec/voucherify-api-openapi.json (API v2018-08-01); its tags group the operations.", "",
      table, "",
    ]
    for tag in tags {
      let total = tag.simulated.count + tag.notSimulated.count
      lines += ["## \(tag.name): \(tag.simulated.count) of \(total)", ""]
      if !tag.simulated.isEmpty {
        lines += ["| method | path | operationId |", "|---|---|---|"]
        lines += tag.simulated.map { "| \($0.method) | `\($0.template)` | `\($0.operationID)` |" }
        lines.append("")
      }
      if !tag.notSimulated.isEmpty {
        lines += ["| answers 501 | why |", "|---|---|"]
        lines += tag.notSimulated.map { "| `\($0.operationID)` | \(APIOperation.reason($0.operationID)) |" }
        lines.append("")
      }
    }
    return lines.joined(separator: "\n")
  }
}
