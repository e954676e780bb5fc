/// An HDR-style latency histogram: bounded memory, mergeable, 3 significant digits from 1 µs to about
/// 73 minutes. Same bucket scheme as HdrHistogram (sub-buckets of 2048, doubling ranges), so the
/// percentile output matches what HdrHistogram tools read.
public struct Histogram: Sendable, Equatable {
  /// Sub-buckets per range: 2 × 10^3 rounded up to a power of two, for 3 significant digits.
  public static let subBucketCount = 2048
  static let subBucketHalfCount = 1024
  static let subBucketHalfCountMagnitude = 10
  static let subBucketMask: Int64 = 2047

  /// The largest value recorded exactly; larger values are clamped to it and counted in `clampedCount`.
  public let highestTrackableValue: Int64
  /// Number of doubling ranges.
  public let bucketCount: Int
  private(set) var counts: [Int64]
  /// Values recorded.
  public private(set) var totalCount: Int64 = 0
  /// Values above `highestTrackableValue` (recorded as that value).
  public private(set) var clampedCount: Int64 = 0
  /// The smallest recorded value, or 0 when empty.
  public private(set) var min: Int64 = .max
  /// The largest recorded value, or 0 when empty.
  public private(set) var max: Int64 = 0
  private var sum: Double = 0

  /// A histogram for values in 1…`highestTrackableValue` (default: one hour in microseconds).
  public init(highestTrackableValue: Int64 = 3_600_000_000) {
    self.highestTrackableValue = highestTrackableValue
    var smallestUntrackable = Int64(Histogram.subBucketCount)
    var buckets = 1
    while smallestUntrackable <= highestTrackableValue {
      if smallestUntrackable > Int64.max / 2 {
        buckets += 1
        break
      }
      smallestUntrackable <<= 1
      buckets += 1
    }
    bucketCount = buckets
    counts = Array(repeating: 0, count: (buckets + 1) * Histogram.subBucketHalfCount)
  }

  /// Records `value` (`count` times); negative values count as 0.
  public mutating func record(_ value: Int64, count: Int64 = 1) {
    var v = Swift.max(0, value)
    if v > highestTrackableValue {
      v = highestTrackableValue
      clampedCount += count
    }
    counts[Histogram.index(of: v)] += count
    totalCount += count
    min = Swift.min(min, v)
    max = Swift.max(max, v)
    sum += Double(v) * Double(count)
  }

  /// Adds every value of `other` (which must have the same range).
  public mutating func merge(_ other: Histogram) {
    precondition(other.counts.count == counts.count, "histograms of different ranges")
    for i in counts.indices where other.counts[i] != 0 { counts[i] += other.counts[i] }
    totalCount += other.totalCount
    clampedCount += other.clampedCount
    if other.totalCount > 0 {
      min = Swift.min(min, other.min)
      max = Swift.max(max, other.max)
    }
    sum += other.sum
  }

  /// The mean of recorded values (0 when empty).
  public var mean: Double { totalCount == 0 ? 0 : sum / Double(totalCount) }

  /// The smallest recorded value, 0 when empty.
  public var minValue: Int64 { totalCount == 0 ? 0 : min }

  /// The standard deviation, computed from bucket midpoints as HdrHistogram does.
  public var standardDeviation: Double {
    guard totalCount > 0 else { return 0 }
    let m = mean
    var squares = 0.0
    for (i, c) in counts.enumerated() where c != 0 {
      let d = Double(Histogram.medianEquivalent(Histogram.value(at: i))) - m
      squares += d * d * Double(c)
    }
    return (squares / Double(totalCount)).squareRoot()
  }

  /// The value at `percentile` (0…100): the highest value equivalent to the recorded value there.
  public func value(atPercentile percentile: Double) -> Int64 {
    guard totalCount > 0 else { return 0 }
    let p = Swift.min(Swift.max(percentile, 0), 100)
    let target = Swift.max(1, Int64((p / 100 * Double(totalCount)).rounded(.up)))
    var running: Int64 = 0
    for (i, c) in counts.enumerated() where c != 0 {
      running += c
      if running >= target { return Swift.min(Histogram.highestEquivalent(Histogram.value(at: i)), max) }
    }
    return max
  }

  /// The non-empty buckets as (lowest equivalent value, count), in increasing order.
  public var recordedValues: [(value: Int64, count: Int64)] {
    counts.enumerated().filter { $0.element != 0 }.map { (Histogram.value(at: $0.offset), $0.element) }
  }

  // MARK: Bucket arithmetic (HdrHistogram's, with unit magnitude 0).

  static func index(of value: Int64) -> Int {
    let bucket = bucketIndex(of: value)
    let sub = Int(value >> Int64(bucket))
    return (bucket + 1) << subBucketHalfCountMagnitude + sub - subBucketHalfCount
  }

  static func bucketIndex(of value: Int64) -> Int {
    let leading = (value | subBucketMask).leadingZeroBitCount
    return 64 - leading - (subBucketHalfCountMagnitude + 1)
  }

  static func value(at index: Int) -> Int64 {
    var bucket = (index >> subBucketHalfCountMagnitude) - 1
    var sub = (index & (subBucketHalfCount - 1)) + subBucketHalfCount
    if bucket < 0 {
      sub -= subBucketHalfCount
      bucket = 0
    }
    return Int64(sub) << Int64(bucket)
  }

  static func rangeSize(of value: Int64) -> Int64 { 1 << Int64(bucketIndex(of: value)) }
  static func highestEquivalent(_ value: Int64) -> Int64 { value + rangeSize(of: value) - 1 }
  static func medianEquivalent(_ value: Int64) -> Int64 { value + rangeSize(of: value) / 2 }
}
