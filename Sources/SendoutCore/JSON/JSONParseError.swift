/// A JSON syntax error with the 1-based line and column where it was found.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
  /// 1-based line.
  public var line: Int
  /// 1-based column, counted in Unicode scalars.
  public var column: Int
  /// What was wrong, e.g. `Expected ',' or '}' after an object member, found 'x'`.
  public var reason: String

  /// Creates an error.
  public init(line: Int, column: Int, reason: String) {
    self.line = line
    self.column = column
    self.reason = reason
  }

  /// `3:14: reason`.
  public var description: String { "\(line):\(column): \(reason)" }
}
