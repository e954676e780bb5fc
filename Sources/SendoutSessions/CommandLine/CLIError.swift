/// What can go wrong in a command, each mapped to a documented exit code:
/// 0 ok, 1 deliveries or expectations failed, 64 usage, 65 bad input file, 70 internal.
public enum CLIError: Error, Sendable, Equatable {
  /// Bad flags or arguments (exit 64).
  case usage(String)
  /// A malformed input file: scenario, template, audit log (exit 65).
  case badInput(String)
  /// The run completed but deliveries or expectations failed (exit 1).
  case failed(String)
  /// A bug or an environment failure (exit 70).
  case `internal`(String)

  /// The documented exit code of this kind of error.
  public var exitCode: Int32 {
    switch self {
    case .usage: 64
    case .badInput: 65
    case .failed: 1
    case .internal: 70
    }
  }

  /// One line for the user.
  public var message: String {
    switch self {
    case .usage(let m), .badInput(let m), .failed(let m), .internal(let m): m
    }
  }
}
