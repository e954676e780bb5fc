import Foundation
import SendoutCore
import SendoutIO

/// `sendout audit` (and the dashboard's sendouts table): the audit log read once, its warnings reported.
public enum AuditSession {
  /// The records (and load-test lines) of the log at `path`; an unreadable or malformed log is `badInput`, and so is
  /// a missing one when `mustExist` (a path the user typed: a typo must not read as "nothing recorded").
  public static func read(
    path: String, mustExist: Bool = false, warning: @escaping @Sendable (String) -> Void
  ) throws(SessionError) -> AuditLogContents {
    if mustExist { try requireLog(at: path) }
    return try DeliverySettings(auditPath: path).readAuditLog { event in
      if case .warning(let text) = event { warning(text) }
    }
  }

  /// Throws `badInput` (exit 65) naming `path` when no file is there: a typed path (`audit --audit`, `retry --audit`)
  /// must not read as "nothing recorded".
  public static func requireLog(at path: String) throws(SessionError) {
    guard !FileManager.default.fileExists(atPath: path) else { return }
    throw .badInput(
      "No audit log at '\(TerminalText.escape(path))': check the path ('fire', 'run' and 'retry' write "
        + "\(FileAuditLog.defaultPath) unless given --audit)")
  }
}
