/// A small latency histogram for one interval of a load run's timeline: 16 log-linear sub-buckets per power
/// of two (values within about 6 % of the true one, exact below 16 µs), stored as a dense window from the lowest
/// to the highest bucket used, so an interval whose latencies span 0.5–20 ms costs about 100 counters, not the
/// 23,552 of a full `Histogram`. Mergeable, like everything in `LoadStats`.
public struct IntervalHistogram: Sendable, Equatable {
  static let subBuckets = 16
  static let magnitude = 4  // log2(subBuckets)
  /// Values above this (about 71 minutes in µs) are recorded as it.
  public static let highestValue: Int64 = (1 << 32) - 1

  /// Index of `counts[0]`.
  private var base = 0
  private var counts: [UInt32] = []
  /// Values recorded.
  public private(set) var totalCount: Int64 = 0
  /// The largest value recorded (0 when empty).
  public private(set) var max: Int64 = 0

  /// An empty histogram.
  public init() {}

  /// Records `value` (negative counts as 0).
  public mutating func record(_ value: Int64) {
    let v = Swift.min(Swift.max(0, value), Self.highestValue)
    add(count: 1, at: Self.index(of: v))
    totalCount += 1
    max = Swift.max(max, v)
  }

  /// Adds every value of `other`.
  public mutating func merge(_ other: IntervalHistogram) {
    guard other.totalCount > 0 else { return }
    for (offset, c) in other.counts.enumerated() where c != 0 { add(count: c, at: other.base + offset) }
    totalCount += other.totalCount
    max = Swift.max(max, other.max)
  }

  /// The value at `percentile` (0…100): the highest value equivalent to the recorded one there, at most `max`;
  /// 0 when empty.
  public func value(atPercentile percentile: Double) -> Int64 {
    guard totalCount > 0 else { return 0 }
    let p = Swift.min(Swift.max(percentile, 0), 100)
    let target = Swift.max(1, Int64((p / 100 * Double(totalCount)).rounded(.up)))
    var running: Int64 = 0
    for (offset, c) in counts.enumerated() where c != 0 {
      running += Int64(c)
      if running >= target { return Swift.min(Self.highestEquivalent(ofIndex: base + offset), max) }
    }
    return max
  }

  /// Counters held (the memory this interval costs is about 4 bytes each).
  public var counterCount: Int { counts.count }

  private mutating func add(count: UInt32, at index: Int) {
    if counts.isEmpty {
      base = index
      counts = [0]
    } else if index < base {
      counts.insert(contentsOf: repeatElement(0, count: base - index), at: 0)
      base = index
    } else if index >= base + counts.count {
      counts.append(contentsOf: repeatElement(0, count: index - base - counts.count + 1))
    }
    let (sum, overflow) = counts[index - base].addingReportingOverflow(count)
    counts[index - base] = overflow ? .max : sum
  }

  // MARK: Bucket arithmetic

  /// The bucket of `value`: `value` itself below 16, then 16 buckets per power of two.
  static func index(of value: Int64) -> Int {
    guard value >= Int64(subBuckets) else { return Int(Swift.max(0, value)) }
    let m = 63 - value.leadingZeroBitCount  // value is in [2^m, 2^(m+1))
    let sub = Int(value >> Int64(m - magnitude)) - subBuckets
    return (m - magnitude + 1) * subBuckets + sub
  }

  /// The smallest value of bucket `index`.
  static func lowestValue(ofIndex index: Int) -> Int64 {
    guard index >= subBuckets else { return Int64(index) }
    let m = index / subBuckets + magnitude - 1
    return Int64(subBuckets + index % subBuckets) << Int64(m - magnitude)
  }

  /// The largest value of bucket `index`.
  static func highestEquivalent(ofIndex index: Int) -> Int64 {
    guard index >= subBuckets else { return Int64(index) }
    let m = index / subBuckets + magnitude - 1
    return lowestValue(ofIndex: index) + (1 << Int64(m - magnitude)) - 1
  }
}
