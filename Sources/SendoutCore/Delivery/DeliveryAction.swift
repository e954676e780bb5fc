/// What the dispatcher's state machine asks its driver to do next ("decide, then do").
public enum DeliveryAction: Sendable, Equatable {
  /// Send attempt `attempt` of sendout `sendoutID`, then report with `DeliveryMachine.attemptFinished`.
  case send(sendoutID: String, attempt: Int, request: TransportRequest)
  /// Append this record to the audit log (and show it).
  case record(AuditRecord)
  /// Every attempt failed: pause the distribution / disable the project webhook (and say so).
  case pause(SendoutSource)
  /// Nothing is due before this time: call `poll` again then, or when an attempt finishes.
  case wait(until: Timestamp)
  /// Every sendout has reached a final record.
  case finished
}
