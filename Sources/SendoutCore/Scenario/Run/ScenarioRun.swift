/// Plays a scenario's steps against a world, recording each named step's result for `${step.field}`
/// references and every emitted event with the step that caused it. Pure and deterministic.
struct ScenarioRun {
  /// The world the steps change.
  var world: World
  /// The file name used in errors.
  let file: String
  /// Randomness for `"random"` selections.
  var rng: SeededGenerator
  /// Results of named steps (the latest run of each), for references.
  var results: [String: JSON] = [:]
  /// Step names in the order they first produced a result.
  var resultNames: [String] = []
  /// Scenario keys: `"campaign:spring"` → id.
  var keys: [String: String] = [:]
  /// Round-robin positions for `"next"` selections, by kind.
  var cursors: [String: Int] = [:]
  /// The latest object of each kind a step made (`voucher`, `redemption`, `order`, …), for defaults.
  var last: [String: String] = [:]
  /// Every event the steps emitted, in order.
  var events: [StepEvent] = []

  /// A run over `world`; `seed` fixes `"random"` selections.
  init(world: World, keys: [String: String], seed: UInt64, file: String) {
    self.world = world
    self.keys = keys
    self.file = file
    rng = SeededGenerator(seed: seed ^ 0x5CE7_A410)
  }

  /// Runs `steps` in order, each `count` times (`repeat` runs its nested steps `times` times).
  mutating func run(_ steps: [ScenarioStep]) throws(ScenarioError) {
    for step in steps {
      for _ in 0..<step.count {
        if step.operation == "repeat" { try run(step.steps) } else { try perform(step) }
      }
    }
  }

  /// Runs one operation: resolves references, reads parameters, calls the world, records the result.
  mutating func perform(_ step: ScenarioStep) throws(ScenarioError) {
    let path = step.path + "." + step.operation
    if let op = ScenarioOperations.all.first(where: { $0.name == step.operation }) {
      let allowed = op.parameterNames
      for key in step.parameters.keys where !allowed.contains(key) {
        let hint = Suggest.closest(to: key, in: allowed).map { " (did you mean '\($0)'?)" } ?? ""
        throw ScenarioError(
          file: file, path: path + "." + key,
          reason: "unknown parameter\(hint); `\(step.operation)` takes: \(allowed.joined(separator: ", "))")
      }
    }
    let resolved = try resolve(.object(step.parameters), path: path)
    let outcome: StepOutcome
    do {
      var p = try FieldReader(resolved, path: path, file: file)
      outcome = try dispatch(step.operation, &p)
      try p.finish()
    } catch let error as ScenarioError {
      throw error
    } catch let error as VoucherifyError {
      throw ScenarioError(file: file, path: path, refusal: error)
    } catch {
      throw ScenarioError(file: file, path: path, reason: "\(error)")
    }
    for e in outcome.events { events.append(StepEvent(event: e, stepPath: step.path, stepName: step.name)) }
    guard let name = step.name else { return }
    var result = outcome.primary
    for e in outcome.events {
      for m in e.fullData.members where result[m.key] == nil { result.append(m.key, m.value) }
    }
    result["events"] = .array(outcome.events.map { .string($0.type) })
    if results[name] == nil { resultNames.append(name) }
    results[name] = .object(result)
  }
}

/// What one operation produced: its own objects (recorded first in the step's result) and the events.
struct StepOutcome {
  /// Named objects, e.g. `voucher`, `redemption`.
  var primary: JSONObject
  /// The events, in order.
  var events: [WorldEvent]

  /// An outcome.
  init(_ primary: JSONObject, _ events: [WorldEvent]) {
    self.primary = primary
    self.events = events
  }
}
