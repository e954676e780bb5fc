import SendoutCore
import Testing

@Suite struct PacerTests {
  @Test func constantRateSpacesRequestsEvenly() {
    let pacer = Pacer(schedule: .constant(rate: 20_000, milliseconds: 30_000))
    #expect(pacer.totalCount == 600_000)
    #expect(pacer.intendedOffset(of: 0) == 0)
    #expect(pacer.intendedOffset(of: 1) == 50_000)
    #expect(pacer.intendedOffset(of: 20_000) == 1_000_000_000)
    #expect(pacer.intendedOffset(of: 599_999) == 29_999_950_000)
    #expect(pacer.intendedOffset(of: 600_000) == nil)
  }

  @Test func dueCountIsTheInverseOfTheIntendedTimes() {
    let pacer = Pacer(
      schedule: RateSchedule(stages: [.init(rate: 1000, milliseconds: 2000), .init(rate: 3000, milliseconds: 1000)]))
    #expect(pacer.totalCount == 5000)
    for n in stride(from: 0, to: 5000, by: 7) {
      let t = pacer.intendedOffset(of: n)!
      #expect(pacer.dueCount(atElapsed: t) == n + 1, "request \(n) at \(t)")
      if t > 0 { #expect(pacer.dueCount(atElapsed: t - 1) <= n) }
    }
    #expect(pacer.dueCount(atElapsed: -1) == 0)
    #expect(pacer.dueCount(atElapsed: 10_000_000_000) == 5000)
  }

  @Test func rampStagesFollowEachOther() {
    let pacer = Pacer(
      schedule: RateSchedule(stages: [.init(rate: 10, milliseconds: 1000), .init(rate: 100, milliseconds: 1000)]))
    #expect(pacer.intendedOffset(of: 9) == 900_000_000)
    #expect(pacer.intendedOffset(of: 10) == 1_000_000_000)
    #expect(pacer.intendedOffset(of: 11) == 1_010_000_000)
    #expect(pacer.totalCount == 110)
  }

  @Test(arguments: [
    ("2000 for 10s", [RateSchedule.Stage(rate: 2000, milliseconds: 10_000)]),
    ("100 for 500ms, 5000 for 1m", [.init(rate: 100, milliseconds: 500), .init(rate: 5000, milliseconds: 60_000)]),
  ])
  func rampParses(text: String, stages: [RateSchedule.Stage]) throws {
    #expect(try RateSchedule.parse(ramp: text).get().stages == stages)
  }

  @Test(arguments: ["", "fast for 10s", "100 during 10s", "100 for 10", "-5 for 1s", "100 for 1s,"])
  func badRampsAreRejectedWithTheStage(text: String) {
    guard case .failure(let error) = RateSchedule.parse(ramp: text) else {
      Issue.record("accepted '\(text)'")
      return
    }
    #expect(error.description.contains("RATE for DURATION"))
  }
}
