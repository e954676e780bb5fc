import SendoutSessions

/// Runs one session call with Ctrl-C and SIGTERM wired to cancellation, mapping its error to an exit code.
enum Session {
  static func run<T: Sendable>(_ call: @escaping @Sendable () async throws(SessionError) -> T) async throws(CLIError)
    -> T
  {
    let result: Result<T, SessionError> = await Interrupt.cancelling {
      do throws(SessionError) { return .success(try await call()) } catch { return .failure(error) }
    }
    switch result {
    case .success(let value): return value
    case .failure(let error): throw CLIError(error)
    }
  }
}
