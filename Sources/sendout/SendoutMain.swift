import Foundation
import SendoutCore
import SendoutSessions

/// Entry point: picks the subcommand, maps every error to one line on stderr and an exit code.
@main
struct SendoutCLI {
  static func main() async {
    var argv = Array(CommandLine.arguments.dropFirst())
    if argv == ["help", "--markdown"] {
      Console.out(
        CommandTable.markdown(CommandRegistry.all.map { (CommandTable.usage(fromHelp: $0.help), $0.summary) }))
      exit(0)
    }
    guard let name = argv.first, !["--help", "-h", "help"].contains(name) else {
      Console.out(overview)
      exit(argv.isEmpty ? 64 : 0)
    }
    if name == "--version" {
      Console.out(SendoutVersion.line)
      exit(0)
    }
    argv.removeFirst()
    guard let command = CommandRegistry.all.first(where: { $0.name == name }) else {
      let names = CommandRegistry.all.map { $0.name }
      let hint = Suggest.closest(to: name, in: names).map { " Did you mean '\($0)'?" } ?? ""
      Console.err(
        "error: Unknown command '\(TerminalText.escape(name))'.\(hint) Commands: \(names.joined(separator: ", "))")
      exit(64)
    }
    var arguments = Arguments(argv)
    if arguments.wantsHelp {
      Console.out(command.help)
      exit(0)
    }
    do {
      exit(try await command.run(&arguments))
    } catch {
      Console.err("error: \(TerminalText.escape(error.message))")
      exit(error.exitCode)
    }
  }

  static var overview: String {
    let width = CommandRegistry.all.map { $0.name.count }.max() ?? 0
    let lines = CommandRegistry.all.map {
      "  \($0.name.padding(toLength: width + 2, withPad: " ", startingAt: 0))\($0.summary)"
    }
    return """
      sendout: a Voucherify webhook sendout simulator (v2024-01-01 payloads, signed, retried like Voucherify).

      USAGE: sendout <command> [options]

      COMMANDS:
      \(lines.joined(separator: "\n"))

      Run 'sendout <command> --help' for a command's options and examples ('sendout help --markdown': this list
      as README's table).
      Exit codes: 0 ok, 1 deliveries or expectations failed, 64 usage, 65 bad input file, 70 internal.
      """
  }
}
