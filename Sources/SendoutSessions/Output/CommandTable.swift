/// README's Commands table, made from the commands themselves (`sendout help --markdown`), so it cannot drift from
/// `sendout --help`: each row is the command's usage up to its first option, and its one-line summary.
public enum CommandTable {
  /// `sendout fire (EVENT | --body FILE)` from a help text's first `USAGE:` line: the words before the first `[`.
  public static func usage(fromHelp help: String) -> String {
    let line = help.split(separator: "\n").first { $0.contains("USAGE: ") } ?? ""
    let words = line.split(separator: "USAGE: ", maxSplits: 1).last ?? ""
    return String(words.prefix { $0 != "[" }).trimmingTrailingSpaces
  }

  /// The Markdown table of `rows` (usage, summary), pipes escaped.
  public static func markdown(_ rows: [(usage: String, summary: String)]) -> String {
    let escape = { (text: String) in text.replacing("|", with: "\\|") }
    return
      (["| command | what it does |", "|---|---|"]
      + rows.map { "| `\(escape($0.usage))` | \(escape($0.summary)) |" }).joined(separator: "\n")
  }
}

extension String {
  fileprivate var trimmingTrailingSpaces: String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}
