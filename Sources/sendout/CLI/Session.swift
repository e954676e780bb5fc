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

  /// An observer that prints every warning to standard error and each event's `lines` to standard output (to
  /// standard error with `toStandardError`, when standard output carries JSON), above `progress` when given.
  static func printing(
    toStandardError: Bool = false, above progress: ProgressLine? = nil,
    _ lines: @escaping @Sendable (SessionEvent) -> [String]
  ) -> SessionObserver {
    { event in
      var warning: String?
      if case .warning(let text) = event { warning = text }
      let text = lines(event)
      guard warning != nil || !text.isEmpty else { return }
      let print = {
        if let warning { Console.warning(warning) }
        for line in text { toStandardError ? Console.err(line) : Console.out(line) }
      }
      if let progress { progress.above(print) } else { print() }
    }
  }

  /// An observer like `printing`'s, its lines collected in `output` (written every 50 ms) instead of one write each:
  /// for the commands that print a line per request (`listen`, `serve`).
  static func buffering(
    into output: LineBuffer, _ lines: @escaping @Sendable (SessionEvent) -> [String]
  ) -> SessionObserver {
    { event in
      if case .warning(let text) = event { Console.warning(text) }
      for line in lines(event) { output.append(line) }
    }
  }

  /// Prints `ending`'s lines; returns its exit code, or throws its failure. With `json` lines, those go to standard
  /// output and `ending`'s own lines to standard error.
  static func finish(_ ending: CommandEnding, json: [String]? = nil) throws(CLIError) -> Int32 {
    if let json {
      for line in ending.lines { Console.err(line) }
      return try finish(CommandEnding(json, ending.verdict))
    }
    for line in ending.lines { Console.out(line) }
    return try ending.exitCode()
  }
}
