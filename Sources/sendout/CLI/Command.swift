import SendoutSessions

/// One `sendout` subcommand: a thin layer that parses arguments, calls the library and prints.
protocol Command: Sendable {
  /// The word after `sendout`.
  static var name: String { get }
  /// One line for `sendout --help`.
  static var summary: String { get }
  /// The full `--help` text, with examples.
  static var help: String { get }
  /// Runs the command; returns the exit code or throws a `CLIError`.
  static func run(_ arguments: inout Arguments) async throws(CLIError) -> Int32
}
