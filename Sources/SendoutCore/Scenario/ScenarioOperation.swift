/// One operation a scenario step can use: its name, parameters and the events it emits (for `Scenarios/README.md`
/// and `sendout validate`'s messages).
public struct ScenarioOperation: Sendable, Equatable {
  /// The name as written in a step, e.g. `redeem`.
  public var name: String
  /// Its parameters, e.g. `voucher, customer, amount | items`.
  public var parameters: String
  /// What it emits, in words.
  public var emits: String

  /// Creates an operation description.
  public init(_ name: String, _ parameters: String, _ emits: String) {
    self.name = name
    self.parameters = parameters
    self.emits = emits
  }
}
