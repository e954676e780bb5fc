/// Why the audit log could not be written or read.
public enum AuditLogError: Error, Sendable, Equatable {
  /// A field of a record is missing or has the wrong type.
  public struct Field: Error, Sendable, Equatable {
    /// The field's key (dotted for nested ones: `source.id`).
    public var key: String
    /// What the field must be.
    public var expected: String

    /// Creates a field error.
    public init(key: String, expected: String) {
      self.key = key
      self.expected = expected
    }
  }

  /// The file could not be opened, written or read; `reason` is the system's.
  case io(path: String, reason: String)
  /// A complete line (not the last) is not a valid record.
  case malformedLine(path: String, line: Int, reason: String)

  /// One line for the user.
  public var message: String {
    switch self {
    case .io(let path, let reason): "Audit log '\(path)': \(reason)"
    case .malformedLine(let path, let line, let reason):
      "Audit log '\(path)' line \(line) is not an audit record: \(reason). Expected one JSON object per line as 'sendout' writes"
    }
  }
}
