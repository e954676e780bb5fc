import SendoutCore
import SendoutSessions
import Testing

/// `load` without `--threads`: two generator threads in closed loop; in open loop one per 40,000 req/s of the peak
/// stage, at most two (a second thread below that only competes with a local receiver for the cores).
@Suite struct LoadThreadsTests {
  @Test(arguments: [(nil, 2), (1_000, 1), (40_000, 1), (40_001, 2), (200_000, 2)] as [(Double?, Int)])
  func defaultThreadsFollowThePeakRate(peak: Double?, threads: Int) {
    let schedule = peak.map {
      RateSchedule(stages: [.init(rate: 10, milliseconds: 1000), .init(rate: $0, milliseconds: 1000)])
    }
    #expect(LoadSession.defaultThreads(schedule) == threads)
  }
}
