/// What the dispatcher tells its observer as it works, for live output.
public enum DeliveryEvent: Sendable, Equatable {
  /// An attempt is being sent.
  case attemptStarted(sendoutID: String, attempt: Int, url: String)
  /// A record was written (one per finished attempt, skip or cancellation).
  case recorded(AuditRecord)
  /// A source was paused (distribution) or disabled (project webhook).
  case paused(SendoutSource)
  /// The audit log could not be written.
  case auditFailed(AuditLogError)
}
