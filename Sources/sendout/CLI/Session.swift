import SendoutSessions

/// Runs one session call with Ctrl-C and SIGTERM wired to cancellation, mapping its error to an exit code; prints
/// what the session reports and how it ended.
enum Session {
  static func run<T: Sendable>(_ call: @escaping @Sendable () async throws(SessionError) -> T) async throws(CLIError)
    -> T
  {
    let result: Result<T, SessionError> = await Interrupt.cancelling {
      do throws(SessionError) { return .success(try await call()) } catch { return .failure(error) }
    }
    return try result.mapError(CLIError.init).get()
  }

  /// An observer that prints every warning to standard error and each event's `lines` to standard output.
  static func printing(_ lines: @escaping @Sendable (SessionEvent) -> [String]) -> SessionObserver {
    { event in
      if case .warning(let text) = event { Console.warning(text) }
      for line in lines(event) { Console.out(line) }
    }
  }

  /// Prints `ending`'s lines; returns its exit code, or throws its failure.
  static func finish(_ ending: CommandEnding) throws(CLIError) -> Int32 {
    for line in ending.lines { Console.out(line) }
    return try ending.exitCode()
  }
}
