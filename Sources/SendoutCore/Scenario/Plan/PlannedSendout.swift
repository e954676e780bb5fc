/// One sendout a scenario run will make: the signed request and where in the scenario it comes from.
public struct PlannedSendout: Sendable, Equatable {
  /// The request, ready for the dispatcher.
  public var sendout: Sendout
  /// The path of the step that caused it (`steps.2`, `steps.4.repeat.steps.0`).
  public var stepPath: String
  /// The step's name, when it has one.
  public var stepName: String?
  /// The endpoint: `webhook <id>` for project webhooks, the distribution's name for distributions.
  public var endpointName: String

  /// Creates a planned sendout.
  public init(sendout: Sendout, stepPath: String, stepName: String?, endpointName: String) {
    self.sendout = sendout
    self.stepPath = stepPath
    self.stepName = stepName
    self.endpointName = endpointName
  }
}
