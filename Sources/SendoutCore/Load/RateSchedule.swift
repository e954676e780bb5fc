/// An open-loop request rate over time: one or more stages of a constant rate, as in wrk2 (one rate)
/// or a stepped ramp (`1000 for 10s, 5000 for 20s`).
public struct RateSchedule: Sendable, Equatable {
  /// One stage: `rate` requests per second for `milliseconds`.
  public struct Stage: Sendable, Equatable {
    /// Requests per second (> 0).
    public var rate: Double
    /// How long the stage lasts.
    public var milliseconds: Double

    /// Creates a stage.
    public init(rate: Double, milliseconds: Double) {
      self.rate = rate
      self.milliseconds = milliseconds
    }

    /// Requests the stage sends: ⌊rate × seconds⌋.
    public var count: Int { Int((rate * milliseconds / 1000).rounded(.down)) }
  }

  /// The stages, in order.
  public var stages: [Stage]

  /// Creates a schedule.
  public init(stages: [Stage]) { self.stages = stages }

  /// A constant `rate` for `milliseconds`.
  public static func constant(rate: Double, milliseconds: Double) -> RateSchedule {
    RateSchedule(stages: [Stage(rate: rate, milliseconds: milliseconds)])
  }

  /// Total requests over every stage.
  public var totalCount: Int { stages.reduce(0) { $0 + $1.count } }

  /// Total length in milliseconds.
  public var totalMilliseconds: Double { stages.reduce(0) { $0 + $1.milliseconds } }

  /// Parses `R for D, R for D, …` (`2000 for 10s, 5000 for 1m`); `nil` with a reason otherwise.
  public static func parse(ramp text: String) -> Result<RateSchedule, RateScheduleError> {
    var stages: [Stage] = []
    for part in text.split(separator: ",", omittingEmptySubsequences: false) {
      let words = part.split(separator: " ", omittingEmptySubsequences: true)
      guard words.count == 3, words[1] == "for", let rate = Double(words[0]), rate > 0,
        let ms = DurationText.milliseconds(String(words[2])), ms > 0
      else { return .failure(RateScheduleError(text: String(part).trimmingSpaces)) }
      stages.append(Stage(rate: rate, milliseconds: ms))
    }
    return stages.isEmpty ? .failure(RateScheduleError(text: text)) : .success(RateSchedule(stages: stages))
  }
}

/// A ramp stage that is not `RATE for DURATION`.
public struct RateScheduleError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The stage text that was rejected.
  public var text: String
  /// One line for the user.
  public var description: String {
    "Invalid ramp stage '\(text)': expected 'RATE for DURATION' stages separated by commas, e.g. '1000 for 10s, 5000 for 30s'"
  }
}
