/// The operations scenario steps can use; each maps to a world operation.
public enum ScenarioOperations {
  /// Every operation name, as written in scenario files.
  public static let names: [String] = []
}
