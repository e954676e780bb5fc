/// At-least-once chaos for `sendout run` (`--duplicates F`, `--reorder N`), seeded by the run's seed so that a
/// failing CI run replays exactly: the plan is delivered in windows of `reorderWindow` sendouts, each window in
/// a seeded shuffle, and a fraction `duplicateFraction` of the sendouts, picked with the seed, are delivered once
/// more after they succeed (same id, bytes and signature), a few sendouts later in the run. Pure.
public struct DeliveryChaos: Sendable, Equatable {
  /// The fraction of sendouts re-delivered after their success, 0…1 (`round(F × count)` are picked).
  public var duplicateFraction: Double
  /// Sendouts per shuffled window; 1 keeps the plan's order.
  public var reorderWindow: Int
  /// The run's seed.
  public var seed: UInt64

  /// Creates chaos settings; the defaults change nothing.
  public init(duplicateFraction: Double = 0, reorderWindow: Int = 1, seed: UInt64) {
    self.duplicateFraction = min(1, max(0, duplicateFraction.isFinite ? duplicateFraction : 0))
    self.reorderWindow = max(1, reorderWindow)
    self.seed = seed
  }

  /// Whether these settings leave the plan as it is.
  public var isEmpty: Bool { duplicateFraction == 0 && reorderWindow <= 1 }

  /// One sendout in delivery order, with what the chaos does to it.
  public struct Arranged: Sendable, Equatable {
    /// The sendout.
    public var sendout: Sendout
    /// Its 1-based position in the plan, when the order was shuffled (recorded in the audit log).
    public var plannedPosition: Int?
    /// Deliver it again after this many sendouts of the run have had their first attempt (`nil`: no duplicate).
    public var duplicateAfter: Int?

    /// Creates an arranged sendout; the defaults deliver it once, in place.
    public init(sendout: Sendout, plannedPosition: Int? = nil, duplicateAfter: Int? = nil) {
      self.sendout = sendout
      self.plannedPosition = plannedPosition
      self.duplicateAfter = duplicateAfter
    }
  }

  /// `plan` in delivery order, each with its planned position (when reordered) and duplicate slot (when picked).
  public func arrange(_ plan: [Sendout]) -> [Arranged] {
    var random = SeededGenerator(seed: seed ^ 0xC4A0_5D0B)
    var order = Array(plan.indices)
    if reorderWindow > 1 {
      for start in stride(from: 0, to: order.count, by: reorderWindow) {
        let end = min(order.count, start + reorderWindow)
        for i in stride(from: end - 1, to: start, by: -1) { order.swapAt(i, random.int(in: start...i)) }
      }
    }
    var arranged = order.map { Arranged(sendout: plan[$0], plannedPosition: reorderWindow > 1 ? $0 + 1 : nil) }
    let picks = Int((duplicateFraction * Double(plan.count)).rounded())
    guard picks > 0 else { return arranged }
    var positions = Array(arranged.indices)
    for i in stride(from: positions.count - 1, to: 0, by: -1) { positions.swapAt(i, random.int(in: 0...i)) }
    let spread = max(2, plan.count / 4)
    for position in positions.prefix(picks) {
      arranged[position].duplicateAfter = min(plan.count, position + 1 + random.int(in: 1...spread))
    }
    return arranged
  }
}
