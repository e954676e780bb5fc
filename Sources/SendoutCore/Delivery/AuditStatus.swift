/// A sendout's status in the audit log, as in Voucherify's Webhook sendouts tab.
public enum AuditStatus: String, Sendable, Hashable, CaseIterable {
  /// Delivered: the receiver answered 2xx.
  case success = "SUCCESS"
  /// This attempt failed and another is scheduled (or the run stopped before it: Ctrl-C).
  case retrying = "RETRYING"
  /// Every attempt failed; the source was paused (distribution) or disabled (project webhook).
  case failed = "FAILED"
  /// Not sent: its source had been paused or disabled.
  case skipped = "SKIPPED"

  /// Parses a status in any case (`failed`, `FAILED`).
  public init?(text: String) { self.init(rawValue: text.uppercased()) }
}
