/// When to retry a failed sendout, as data: the offsets of retries 1, 2, … from the *first* attempt,
/// strictly increasing, in milliseconds. The number of attempts is `offsets.count + 1`.
///
/// `voucherify` is the documented table (reference notes §2.2): retry n at 2^(n-1) minutes after the
/// first attempt for n = 1…11, retry 12 at 24 h; 13 attempts in all. Written as a list it is
/// `1m,2m,4m,8m,16m,32m,1h4m,2h8m,4h16m,8h32m,17h4m,24h`.
public struct RetrySchedule: Sendable, Equatable, CustomStringConvertible {
  /// Milliseconds from the first attempt to each retry, strictly increasing and positive.
  public let offsets: [Int64]

  /// A schedule from offsets; throws unless they are positive and strictly increasing.
  public init(offsets: [Int64]) throws(DeliveryError) {
    let text = offsets.map { DurationText.format(milliseconds: Double($0)) }.joined(separator: ",")
    for (i, offset) in offsets.enumerated() {
      guard offset > 0 else { throw .invalidRetrySchedule(text, reason: "offsets must be positive") }
      guard i == 0 || offset > offsets[i - 1] else {
        throw .invalidRetrySchedule(text, reason: "each offset must be later than the one before")
      }
    }
    self.offsets = offsets
  }

  private init(unchecked offsets: [Int64]) { self.offsets = offsets }

  /// Voucherify's documented schedule: 12 retries over 24 h.
  public static let voucherify = RetrySchedule(
    unchecked: (1...11).map { Int64(60_000) << Int64($0 - 1) } + [86_400_000])

  /// A single attempt, no retries.
  public static let none = RetrySchedule(unchecked: [])

  /// Attempts in all, the first one included.
  public var attempts: Int { offsets.count + 1 }

  /// Parses `voucherify`, `none`, or comma-separated durations since the first attempt (`100ms,1s,5s`).
  public static func parse(_ text: String) throws(DeliveryError) -> RetrySchedule {
    let trimmed = text.trimmingSpaces
    switch trimmed.lowercased() {
    case "voucherify", "default": return .voucherify
    case "none", "": return .none
    default: break
    }
    var offsets: [Int64] = []
    for part in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
      guard let ms = DurationText.wholeMilliseconds(String(part)) else {
        throw .invalidRetrySchedule(
          text,
          reason:
            "'\(part.trimmingSpacesSubstring)' is not a duration like 250ms, 1s, 4m or 1h4m up to \(DurationText.maxText)"
        )
      }
      offsets.append(ms)
    }
    do { return try RetrySchedule(offsets: offsets) } catch {
      if case .invalidRetrySchedule(_, let reason) = error { throw .invalidRetrySchedule(text, reason: reason) }
      throw error
    }
  }

  /// The schedule as a list, e.g. `100ms,1s,5s`; `none` when there are no retries.
  public var description: String {
    offsets.isEmpty ? "none" : offsets.map { DurationText.format(milliseconds: Double($0)) }.joined(separator: ",")
  }
}

extension Substring {
  fileprivate var trimmingSpacesSubstring: String { String(self).trimmingSpaces }
}
