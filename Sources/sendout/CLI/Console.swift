import Foundation
import SendoutCore
import SendoutSessions

/// Writes to standard output and error without buffering surprises; the only place the CLI prints. On a terminal,
/// status words are coloured (`TerminalStyle`: not when piped, nor with `NO_COLOR` set).
enum Console {
  /// Writes `text` and a newline to standard output.
  static func out(_ text: String) { write(outStyle.paint(text) + "\n", to: FileHandle.standardOutput) }
  /// `text` as `out` would write it (coloured on a terminal), for output that is buffered before it is written.
  static func painted(_ text: String) -> String { outStyle.paint(text) }
  /// Writes raw bytes to standard output.
  static func outBytes(_ bytes: [UInt8]) { FileHandle.standardOutput.write(Data(bytes)) }
  /// Writes `text` and a newline to standard error.
  static func err(_ text: String) { write(errStyle.paint(text) + "\n", to: FileHandle.standardError) }
  /// Writes `warning: text` to standard error, control characters escaped (warnings quote logs and input).
  static func warning(_ text: String) { err("warning: \(TerminalText.escape(text))") }
  /// Writes `text` to standard error with no newline (a progress line that rewrites itself with `\r`).
  static func errInline(_ text: String) { write(text, to: FileHandle.standardError) }
  /// Whether standard output is a terminal (progress lines are shown only then).
  static var isTerminal: Bool { isatty(STDOUT_FILENO) != 0 }

  private static let outStyle = TerminalStyle(
    isTerminal: isatty(STDOUT_FILENO) != 0, environment: ProcessInfo.processInfo.environment)
  private static let errStyle = TerminalStyle(
    isTerminal: isatty(STDERR_FILENO) != 0, environment: ProcessInfo.processInfo.environment)

  private static func write(_ text: String, to handle: FileHandle) { handle.write(Data(text.utf8)) }
}
