import SendoutCore
import SendoutIO
import Testing

@Suite struct SystemClockTests {
  @Test func sleepReturnsAtOnceForPastDeadlines() async throws {
    let clock = SystemClock()
    let before = clock.now()
    try await clock.sleep(until: before.adding(milliseconds: -1000))
    #expect(clock.now().milliseconds - before.milliseconds < 1000)
  }
}
