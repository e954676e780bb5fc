import SendoutCore
import SendoutIO

/// `sendout audit` (and the dashboard's sendouts table): the audit log read once, its warnings reported.
public enum AuditSession {
  /// The records (and load-test lines) of the log at `path`; an unreadable or malformed log is `badInput`.
  public static func read(path: String, warning: @escaping @Sendable (String) -> Void) throws(SessionError)
    -> AuditLogContents
  {
    try DeliverySettings(auditPath: path).readAuditLog { event in
      if case .warning(let text) = event { warning(text) }
    }
  }
}
