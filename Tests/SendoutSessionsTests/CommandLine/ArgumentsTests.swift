import Testing

@testable import SendoutSessions

/// The CLI's argument parser, in process: options by name in any order, unknown ones named with a suggestion.
@Suite struct ArgumentsTests {
  @Test func anUnknownOptionIsNamedWithTheClosestKnownOneAndTheAcceptedList() {
    var arguments = Arguments(["--secrte", "s", "x"])
    _ = try? arguments.option("--secret")
    #expect(throws: CLIError.usage("Unknown option '--secrte'. Did you mean --secret? Accepted: --help, --secret")) {
      try arguments.positionals()
    }
  }

  @Test func repeatableOptionsKeepCommandLineOrderAcrossNames() throws {
    var arguments = Arguments(["--unset", "a", "--set=b=1", "--unset", "c"])
    let found = try arguments.orderedOptions(["--set", "--unset"])
    #expect(found.map(\.name) == ["--unset", "--set", "--unset"])
    #expect(found.map(\.value) == ["a", "b=1", "c"])
    #expect(try arguments.positionals().isEmpty)
  }

  @Test func aTypedOptionQuotesTheBadValueAndWhatIsAllowed() {
    var arguments = Arguments(["--port", "70000"])
    #expect(throws: CLIError.usage("Invalid value '70000' for --port: expected 0 (any free port) to 65535")) {
      try arguments.port(default: 8080)
    }
  }

  @Test func aCommandWithoutPositionalsNamesTheFirstLeftOver() {
    var arguments = Arguments(["extra"])
    #expect(throws: CLIError.usage("'audit' takes no arguments, got 'extra'")) { try arguments.noPositionals("audit") }
  }

  @Test func anEndingsVerdictIsItsExitCode() throws {
    #expect(try CommandEnding(["ok"]).exitCode() == 0)
    #expect(try CommandEnding([], .unmet).exitCode() == 1)
    #expect(throws: CLIError.failed("no")) { try CommandEnding([], .failed("no")).exitCode() }
    #expect(throws: CLIError.badInput("bad")) { try CommandEnding([], .badInput("bad")).exitCode() }
    #expect(CLIError.badInput("bad").exitCode == 65 && CLIError(SessionError.internal("x")).exitCode == 70)
  }
}
