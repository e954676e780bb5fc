/// Makes untrusted text safe to print on a terminal: control characters become visible escapes, so a
/// request target, an event type, an audit-log field or a quoted bad value can never move the cursor,
/// recolour the screen, set the window title, ring the bell or fake a line of output.
///
/// Escaped: C0 controls (NUL…US, including ESC and BEL), DEL, C1 controls (U+0080–U+009F, where a
/// terminal may read U+009B as CSI) and the bidirectional overrides and isolates (U+202A–U+202E,
/// U+2066–U+2069) that can reorder what is shown. `\n`, `\r` and `\t` are written as such; every other
/// one as `\u{1B}`. Everything else, backslashes included, is kept, so ordinary text prints unchanged.
public enum TerminalText {
  /// `text` with every control character escaped (see the type's documentation).
  public static func escape(_ text: String) -> String {
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }  // printable ASCII: the common case
    guard text.unicodeScalars.contains(where: needsEscape) else { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count + 8)
    for scalar in text.unicodeScalars {
      guard needsEscape(scalar) else {
        out.unicodeScalars.append(scalar)
        continue
      }
      switch scalar {
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default: out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      }
    }
    return out
  }

  /// Whether `scalar` is escaped by `escape`.
  public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }
}
