/// Untrusted text made safe for an HTML page: bodies, headers, event names and paths from receivers and scenarios
/// are always shown as text, never as markup. Every page Sendout writes escapes through here.
public enum HTMLText {
  /// `text` escaped for element content and double- or single-quoted attribute values: `&`, `<`, `>`, `"` and `'`
  /// become character references, and control characters other than tab, newline and carriage return become
  /// U+FFFD (they are not allowed in HTML).
  public static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
      case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value): out += "\u{FFFD}"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// `json`'s text made safe inside an inline `<script type="application/json">` block: `<`, `>` and `&` become
  /// `\u003c`, `\u003e` and `\u0026` (still the same JSON), so no `</script>` or `<!--` can end the block early.
  public static func scriptJSON(_ json: String) -> String {
    var out = ""
    out.reserveCapacity(json.utf8.count)
    for scalar in json.unicodeScalars {
      switch scalar {
      case "<": out += "\\u003c"
      case ">": out += "\\u003e"
      case "&": out += "\\u0026"
      case "\u{2028}": out += "\\u2028"
      case "\u{2029}": out += "\\u2029"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
