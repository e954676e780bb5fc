import SendoutCore
import Testing

@Suite struct ChartTicksTests {
  @Test(
    arguments: [
      (1.0, 1.0, 0.2), (4.3, 5, 1), (7, 8, 2), (93, 100, 20), (0.0042, 0.005, 0.001), (2400, 2500, 500),
      (10, 10, 2), (0, 1, 0.2),
    ] as [(Double, Double, Double)])
  func linearTicksAreNiceStepsFromZeroCoveringTheMax(max: Double, top: Double, step: Double) {
    let (gotTop, ticks) = ChartTicks.linear(max: max)
    #expect(abs(gotTop - top) < 1e-9, "top for \(max): \(gotTop)")
    #expect(ticks.first == 0)
    #expect(ticks.count >= 2 && ticks.count <= 7)
    for (a, b) in zip(ticks, ticks.dropFirst()) { #expect(abs(b - a - step) < 1e-9, "step for \(max): \(b - a)") }
  }

  @Test(arguments: [
    (0.0, 0.0), (90, 1), (99, 2), (99.9, 3), (99.99, 4), (50, 0.30103), (100, 5), (99.99999, 5),
  ])
  func percentilesSitAtLogOfOneOverOneMinusP(percentile: Double, position: Double) {
    #expect(abs(ChartTicks.percentilePosition(percentile, nines: 5) - position) < 1e-4)
  }

  @Test(arguments: [(0, "0%"), (1, "90%"), (2, "99%"), (3, "99.9%"), (5, "99.999%")])
  func percentileTicksAreNines(nines: Int, label: String) {
    #expect(ChartTicks.percentileLabel(nines: nines) == label)
  }

  @Test(arguments: [(0, 2), (50, 2), (100, 2), (101, 3), (1000, 3), (20_000, 5), (1_000_000_000, 6)] as [(Int64, Int)])
  func theAxisShowsTheNinesTheDataResolves(count: Int64, nines: Int) {
    #expect(ChartTicks.percentileNines(totalCount: count) == nines)
  }

  @Test(arguments: [(0.0, "0"), (2, "2"), (0.25, "0.25"), (1500, "1500"), (0.0005, "0.001"), (1.10, "1.1")])
  func tickLabelsAreShort(value: Double, label: String) {
    #expect(ChartTicks.label(value) == label)
  }
}
