/// Why a session could not do its work, each kind mapped by the CLI to a documented exit code.
/// (Deliveries or expectations that fail are not errors: they are in the session's result.)
public enum SessionError: Error, Sendable, Equatable {
  /// A bad configuration value: flag, URL, header (exit 64).
  case usage(String)
  /// A malformed or unreadable input file: scenario, template, audit log (exit 65).
  case badInput(String)
  /// The environment failed: a socket that cannot be bound, a file that cannot be written (exit 70).
  case `internal`(String)

  /// One line for the user.
  public var message: String {
    switch self {
    case .usage(let m), .badInput(let m), .internal(let m): m
    }
  }
}
