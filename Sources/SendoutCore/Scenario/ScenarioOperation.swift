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

  /// The parameter names `parameters` mentions (without the parenthesised notes).
  public var parameterNames: [String] {
    var text = ""
    var depth = 0
    for c in parameters {
      if c == "(" { depth += 1 } else if c == ")" { depth -= 1 } else if depth == 0 { text.append(c) }
    }
    return text.split { !($0.isLetter || $0 == "_") }.map(String.init)
  }
}
