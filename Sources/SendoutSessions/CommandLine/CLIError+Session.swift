extension CLIError {
  /// The exit-code kind of a session error: usage 64, bad input 65, internal 70.
  public init(_ error: SessionError) {
    switch error {
    case .usage(let m): self = .usage(m)
    case .badInput(let m): self = .badInput(m)
    case .internal(let m): self = .internal(m)
    }
  }
}
