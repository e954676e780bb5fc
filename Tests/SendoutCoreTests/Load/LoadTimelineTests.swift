import SendoutCore
import Testing

@Suite struct LoadTimelineTests {
  @Test func latencyCountsWhenSentAndOutcomesWhenCompleted() {
    var t = LoadTimeline()
    t.recordSent(atMicros: 0)
    t.recordSent(atMicros: 999_999)
    t.recordSent(atMicros: 2_500_000)
    t.recordOutcome(atMicros: 0, succeeded: true, latencyMicros: 1000)
    t.recordOutcome(atMicros: 999_999, succeeded: false, latencyMicros: 5000)
    t.recordOutcome(atMicros: 2_500_000, succeeded: true, latencyMicros: 3000)
    #expect(t.intervals.count == 3)
    #expect(t.intervals.map(\.sent) == [2, 0, 1])
    #expect(t.intervals.map(\.succeeded) == [1, 0, 1])
    #expect(t.intervals.map(\.errors) == [0, 1, 0], "sent at 0.999999 s, failed 5 ms later: in second 1")
    #expect(t.intervals.map(\.latency.totalCount) == [2, 0, 1])
    #expect(t.intervals[0].latency.max == 5000)
  }

  @Test func pastTheCapNeighboursMergeAndTheIntervalDoubles() {
    var t = LoadTimeline(maxIntervals: 4)
    for s in 0..<4 { t.recordSent(atMicros: Int64(s) * 1_000_000) }
    #expect(t.intervals.count == 4)
    #expect(t.intervalMicros == 1_000_000)
    t.recordSent(atMicros: 4_000_000)  // the fifth second: 0-1, 2-3, 4-5
    #expect(t.intervalMicros == 2_000_000)
    #expect(t.intervals.map(\.sent) == [2, 2, 1])
    t.recordSent(atMicros: 17_000_000)  // needs 16 s intervals to fit in 4
    #expect(t.intervalMicros == 8_000_000)
    #expect(t.intervals.map(\.sent) == [5, 0, 1])
  }

  @Test func aDayAtOneRequestPerSecondStaysUnderTheCap() {
    var t = LoadTimeline()
    for s in stride(from: Int64(0), to: 86_400, by: 1) {
      t.recordSent(atMicros: s * 1_000_000)
      t.recordOutcome(atMicros: s * 1_000_000, succeeded: true, latencyMicros: 2000 + s % 1000)
    }
    #expect(t.intervals.count == 1350)
    #expect(t.intervalMicros == 64_000_000)
    #expect(t.intervals.reduce(0) { $0 + $1.sent } == 86_400)
    let counters = t.intervals.reduce(0) { $0 + $1.latency.counterCount }
    #expect(counters < 1350 * 40, "\(counters) counters: each interval keeps only the buckets it uses")
  }

  @Test func mergingThreadsAddsUpAtTheCoarserResolution() {
    var a = LoadTimeline(maxIntervals: 4)
    var b = LoadTimeline(maxIntervals: 4)
    var all = LoadTimeline(maxIntervals: 4)
    for s in 0..<7 {
      let at = Int64(s) * 1_000_000
      if s % 2 == 0 { a.recordSent(atMicros: at) } else { b.recordSent(atMicros: at) }
      all.recordSent(atMicros: at)
    }
    #expect(a.intervalMicros != b.intervalMicros || a.intervals.count != b.intervals.count)
    var merged = a
    merged.merge(b)
    #expect(merged == all)
  }

  @Test func loadStatsRecordIntoTheTimelineWhenGivenATime() {
    var stats = LoadStats()
    stats.recordResponse(status: 200, latencyMicros: 1500, atMicros: 10)
    stats.recordResponse(status: 503, latencyMicros: 2500, atMicros: 1_200_000)
    stats.recordError(.timeout, latencyMicros: 10_000_000, atMicros: 1_300_000)  // completes in second 11
    stats.recordResponse(status: 200, latencyMicros: 1500)  // no time: totals only
    #expect(stats.timeline.intervals.count == 12)
    #expect(stats.timeline.intervals.map(\.succeeded).reduce(0, +) == 1)
    #expect(stats.timeline.intervals[1].errors == 1)
    #expect(stats.timeline.intervals[11].errors == 1)
    #expect(stats.timeline.intervals[1].latency.max == 10_000_000, "latency stays where the request was sent")
    #expect(stats.completed == 4)
  }
}

@Suite struct IntervalHistogramTests {
  @Test(arguments: [0, 1, 15, 16, 17, 31, 32, 33, 1000, 4095, 4096, 123_456, 9_999_999] as [Int64])
  func everyValueFallsInABucketThatHoldsIt(value: Int64) {
    var h = IntervalHistogram()
    h.record(value)
    let got = h.value(atPercentile: 100)
    #expect(got == value, "capped at the max recorded")
    h.record(value + 100_000_000)
    let p50 = h.value(atPercentile: 50)
    #expect(p50 >= value && Double(p50 - value) <= max(0, Double(value) / 16), "\(value) → \(p50)")
  }

  @Test func percentilesOfAUniformSpreadAreWithinSixPercent() {
    var h = IntervalHistogram()
    for v in 1...10_000 { h.record(Int64(v)) }
    for (p, exact) in [(50.0, 5000.0), (90, 9000), (99, 9900)] {
      let got = Double(h.value(atPercentile: p))
      #expect(got >= exact && got <= exact * 1.0625, "p\(p): \(got)")
    }
    #expect(h.value(atPercentile: 100) == 10_000)
    #expect(h.counterCount <= 200, "16 exact buckets, then 16 per power of two")
  }

  @Test func mergeEqualsRecordingBothIntoOne() {
    var a = IntervalHistogram()
    var b = IntervalHistogram()
    var all = IntervalHistogram()
    for i in 0..<3000 {
      let v = Int64(i * 7919 % 50_000)
      if i % 3 == 0 { a.record(v) } else { b.record(v) }
      all.record(v)
    }
    a.merge(b)
    for p in [0.0, 25, 50, 90, 99, 99.9, 100] { #expect(a.value(atPercentile: p) == all.value(atPercentile: p)) }
    #expect(a.totalCount == all.totalCount)
  }
}
