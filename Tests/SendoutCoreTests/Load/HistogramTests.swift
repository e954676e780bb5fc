import SendoutCore
import Testing

@Suite struct HistogramTests {
  /// 20,010 values: (i² × 7919) mod 10⁶ + 1 for i < 20000, some bucket edges, and the top of the range.
  static func sample() -> Histogram {
    var h = Histogram()
    for i in 0..<20000 { h.record(Int64((i * i * 7919) % 1_000_000 + 1)) }
    for v: Int64 in [1, 2, 3, 2047, 2048, 2049, 4095, 4096, 123_456_789] { h.record(v) }
    h.record(3_600_000_000)
    return h
  }

  /// Expected values computed by the reference implementation, Python `hdrhistogram` 0.10.8
  /// (`HdrHistogram(1, 3600000000, 3)`, `get_value_at_percentile`), on the same values.
  @Test(
    arguments: [
      (0.0, 1), (25.0, 255_871), (50.0, 505_855), (90.0, 905_727), (99.0, 991_231), (99.9, 999_423), (99.99, 1_000_447),
    ] as [(Double, Int64)])
  func percentilesMatchHdrHistogram(percentile: Double, expected: Int64) {
    #expect(Self.sample().value(atPercentile: percentile) == expected)
  }

  @Test func countsMinMaxAndTheTopPercentileIsTheMax() {
    let h = Self.sample()
    #expect(h.totalCount == 20010)
    #expect(h.minValue == 1)
    #expect(h.max == 3_600_000_000)
    #expect(h.value(atPercentile: 100) == 3_600_000_000)
    #expect(h.clampedCount == 0)
  }

  @Test func valuesKeepThreeSignificantDigits() {
    for v: Int64 in [1, 999, 2048, 10_001, 1_234_567, 987_654_321] {
      var h = Histogram()
      h.record(v)
      let got = h.value(atPercentile: 50)
      #expect(got >= v && Double(got - v) <= Double(v) / 1000, "\(v) → \(got)")
    }
  }

  @Test func mergeEqualsRecordingEverythingInOne() {
    var a = Histogram()
    var b = Histogram()
    var all = Histogram()
    for i in 0..<5000 {
      let v = Int64(i * 37 % 90_001)
      if i % 3 == 0 { a.record(v) } else { b.record(v) }
      all.record(v)
    }
    a.merge(b)
    #expect(a == all)
  }

  @Test func valuesAboveTheRangeAreClampedAndCounted() {
    var h = Histogram(highestTrackableValue: 10_000)
    h.record(50_000)
    #expect(h.clampedCount == 1)
    #expect(h.max == 10_000)
  }

  @Test func percentileDistributionHasHdrHistogramsLayout() {
    var h = Histogram()
    for v: Int64 in 1...1000 { h.record(v * 1000) }
    let text = h.percentileDistribution(scale: 1000)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[0] == "       Value     Percentile TotalCount 1/(1-Percentile)")
    #expect(lines[1] == "")
    #expect(lines[2] == "       1.000 0.000000000000          1           1.00")
    #expect(lines[3] == "     100.031 0.100000000000        100           1.11")
    #expect(text.contains("    1000.447 1.000000000000       1000\n"))
    #expect(text.hasSuffix("#[Buckets =           22, SubBuckets     =         2048]\n"))
    #expect(text.contains("#[Max     =     1000.000, Total count    =         1000]"))
    let percentiles = h.percentileSteps().map(\.percentile)
    #expect(percentiles.prefix(6) == [0, 10, 20, 30, 40, 50])
    #expect(percentiles.last == 100)
    #expect(zip(percentiles, percentiles.dropFirst()).allSatisfy { $0 < $1 })
  }
}
