/// Colour on a terminal: status words (`SUCCESS` and `PASSED` green, `FAILED` red, `RETRYING` yellow…) and the
/// `error:` / `warning:` prefixes, as ANSI SGR codes around them. Off when the stream is not a terminal (piped or
/// redirected), when `NO_COLOR` is set to anything but the empty string (https://no-color.org), or when `TERM` is
/// `dumb`. Lines are escaped before they get here, so the only escape codes are these.
public struct TerminalStyle: Sendable, Equatable {
  /// Whether `paint` adds colour.
  public var colours: Bool

  /// A style that colours or not.
  public init(colours: Bool) { self.colours = colours }

  /// The style for a stream: colour only on a terminal, unless the environment asks for none.
  public init(isTerminal: Bool, environment: [String: String]) {
    colours = isTerminal && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
  }

  static let green = "\u{1B}[32m"
  static let red = "\u{1B}[31m"
  static let yellow = "\u{1B}[33m"
  static let reset = "\u{1B}[0m"

  /// The colour of a whole upper-case word, or of a mark.
  static let colourOf: [String: String] = [
    "SUCCESS": green, "PASSED": green, "OK": green, "✔": green,
    "FAILED": red, "INTERRUPTED": red, "✘": red,
    "RETRYING": yellow, "SKIPPED": yellow, "PAUSED": yellow, "DISABLED": yellow,
  ]

  /// `text` with its status words, marks and leading `error:`/`warning:` coloured (unchanged without colour, and a
  /// JSON line, starting with `{` or `[`, is left alone for the program reading it).
  public func paint(_ text: String) -> String {
    guard colours, !text.hasPrefix("{"), !text.hasPrefix("[") else { return text }
    for (prefix, colour) in [("error:", Self.red), ("warning:", Self.yellow), ("Warning:", Self.yellow)]
    where text.hasPrefix(prefix) {
      return colour + prefix + Self.reset + paintWords(String(text.dropFirst(prefix.count)))
    }
    return paintWords(text)
  }

  /// Colours every whole word of `colourOf` (between characters that are not letters, digits or `_`) and every mark.
  private func paintWords(_ text: String) -> String {
    var out = ""
    var word = ""
    func flush() {
      if let colour = Self.colourOf[word] { out += colour + word + Self.reset } else { out += word }
      word = ""
    }
    for character in text {
      if character.isLetter || character.isNumber || character == "_" {
        word.append(character)  // a longer word (FAILED_X, Failed, OKAY) is not in the table: never coloured
      } else {
        flush()
        if let colour = Self.colourOf[String(character)] {
          out += colour + String(character) + Self.reset
        } else {
          out.append(character)
        }
      }
    }
    flush()
    return out
  }
}
