/// One event a scenario step emitted, with the step that caused it.
struct StepEvent: Sendable {
  /// The event.
  var event: WorldEvent
  /// The step's path in the file (`steps.2`, `steps.4.repeat.steps.0`).
  var stepPath: String
  /// The step's name, when it has one.
  var stepName: String?
}
