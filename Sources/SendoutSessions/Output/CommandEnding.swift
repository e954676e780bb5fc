/// How a command ends once its session returned: the lines it prints last, then its verdict.
public struct CommandEnding: Sendable, Equatable {
  /// The command's verdict: exit 0, exit 1 with or without a message, or exit 65.
  public enum Verdict: Sendable, Equatable {
    /// Everything worked (exit 0).
    case ok
    /// Deliveries or checks failed; the lines already say how (exit 1).
    case unmet
    /// Deliveries failed or the work was interrupted: one line saying so (exit 1).
    case failed(String)
    /// An input or output file was bad (exit 65).
    case badInput(String)
  }

  /// Lines for standard output, printed before the verdict.
  public var lines: [String]
  /// How the command exits.
  public var verdict: Verdict

  /// `lines`, then `verdict`.
  public init(_ lines: [String], _ verdict: Verdict = .ok) {
    self.lines = lines
    self.verdict = verdict
  }

  /// The exit code of the verdict (0, or 1 when unmet), or the error whose exit code it is.
  public func exitCode() throws(CLIError) -> Int32 {
    switch verdict {
    case .ok: return 0
    case .unmet: return 1
    case .failed(let message): throw .failed(message)
    case .badInput(let message): throw .badInput(message)
    }
  }
}
