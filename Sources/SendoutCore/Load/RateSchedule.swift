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

    /// Requests the stage sends: ⌊rate × seconds⌋ (saturating at `Int.max` for a schedule `validate` refuses).
    public var count: Int {
      let exact = (rate * milliseconds / 1000).rounded(.down)
      guard exact.isFinite, exact >= 0 else { return exact > 0 ? Int.max : 0 }
      return exact < 9.0e18 ? Int(exact) : Int.max
    }
  }

  /// The stages, in order.
  public var stages: [Stage]

  /// Creates a schedule.
  public init(stages: [Stage]) { self.stages = stages }

  /// A constant `rate` for `milliseconds`.
  public static func constant(rate: Double, milliseconds: Double) -> RateSchedule {
    RateSchedule(stages: [Stage(rate: rate, milliseconds: milliseconds)])
  }

  /// Total requests over every stage (saturating at `Int.max`).
  public var totalCount: Int {
    stages.reduce(0) { total, stage in
      let (sum, overflow) = total.addingReportingOverflow(stage.count)
      return overflow ? Int.max : sum
    }
  }

  /// The highest rate accepted: 1,000,000 requests per second (far beyond what one machine can send).
  public static let maxRate = 1_000_000.0

  /// The most requests one load run may send: 1,000,000,000 (also the cap on `--count`).
  public static let maxRequests = 1_000_000_000

  /// Throws unless every rate is finite and in (0, `maxRate`], the schedule lasts at most
  /// `DurationText.maxMilliseconds`, and it sends between 1 and `maxRequests` requests; checked before
  /// anything is sent, so an absurd flag is an error instead of gigabytes of queued requests.
  public func validate() throws(RateScheduleError) {
    for stage in stages {
      guard stage.rate.isFinite, stage.rate > 0, stage.rate <= RateSchedule.maxRate else {
        throw RateScheduleError(
          text: "\(stage.rate)", reason: "the rate must be a number of requests per second up to 1000000")
      }
      guard stage.milliseconds.isFinite, stage.milliseconds > 0 else {
        throw RateScheduleError(text: "\(stage.milliseconds)ms", reason: "a stage must last a positive duration")
      }
    }
    guard totalMilliseconds <= DurationText.maxMilliseconds else {
      throw RateScheduleError(
        text: DurationText.format(milliseconds: totalMilliseconds),
        reason: "the schedule may last at most \(DurationText.maxText)")
    }
    let total = totalCount
    guard total <= RateSchedule.maxRequests else {
      throw RateScheduleError(
        text: total == Int.max ? "over \(Int.max) requests" : "\(total) requests",
        reason: "rate × duration may be at most \(RateSchedule.maxRequests) requests (the cap on one load run)")
    }
    guard total >= 1 else {
      throw RateScheduleError(text: "0 requests", reason: "rate × duration must come to at least 1 request")
    }
  }

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
    guard !stages.isEmpty else { return .failure(RateScheduleError(text: text)) }
    let schedule = RateSchedule(stages: stages)
    do { try schedule.validate() } catch { return .failure(error) }
    return .success(schedule)
  }
}

/// A ramp stage that is not `RATE for DURATION`, or a schedule beyond the caps.
public struct RateScheduleError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The stage text (or value) that was rejected.
  public var text: String
  /// What is wrong and what is allowed; `nil` for a stage that does not read as `RATE for DURATION`.
  public var reason: String?

  /// Creates an error.
  public init(text: String, reason: String? = nil) {
    self.text = text
    self.reason = reason
  }

  /// One line for the user.
  public var description: String {
    if let reason { return "Invalid load schedule '\(TerminalText.escape(text))': \(reason)" }
    return "Invalid ramp stage '\(TerminalText.escape(text))': expected 'RATE for DURATION' stages separated by "
      + "commas, e.g. '1000 for 10s, 5000 for 30s'"
  }
}
