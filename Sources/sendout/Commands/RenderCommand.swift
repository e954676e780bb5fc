import SendoutCore

/// `sendout render`: prints the exact body (or request) a sendout would carry.
enum RenderCommand: Command {
  static let name = "render"
  static let summary = "Print the exact webhook body (or whole request) for one event."
  static let help = "USAGE: sendout render EVENT [--seed N] [--via project|distribution] [--secret S] [--request] [--pretty]"

  static func run(_ arguments: inout Arguments) async throws(CLIError) -> Int32 {
    throw .internal("not yet")
  }
}
