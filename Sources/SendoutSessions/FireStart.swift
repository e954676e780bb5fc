import SendoutCore

/// One fire about to be sent: which of how many, the request it was rendered from (seed and clock start
/// resolved), and whether the seed was drawn and the clock taken from the wall clock.
public struct FireStart: Sendable {
  /// 0-based index of this fire.
  public var index: Int
  /// How many fires in all (`--repeat`).
  public var count: Int
  /// The request, with the seed and clock start this fire used.
  public var request: SingleEventRequest
  /// Whether the seed was drawn fresh (no `--seed`).
  public var seedDrawn: Bool
  /// Whether the clock started at the wall clock's now (no `--at`).
  public var startIsNow: Bool
  /// Whether the body came from `--body` rather than a rendered event.
  public var customBody: Bool
}
