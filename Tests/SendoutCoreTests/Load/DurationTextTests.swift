import SendoutCore
import Testing

@Suite struct DurationTextTests {
  @Test(arguments: [
    ("250ms", 250.0), ("10s", 10_000), ("1.5s", 1500), ("2m", 120_000), ("1h30m", 5_400_000), ("24h", 86_400_000),
    ("100us", 0.1), ("1d", 86_400_000),
  ])
  func parses(text: String, ms: Double) { #expect(DurationText.milliseconds(text) == ms) }

  @Test(arguments: ["", "10", "s", "10 parsecs", "1.2.3s", "-1s"])
  func rejects(text: String) { #expect(DurationText.milliseconds(text) == nil) }

  @Test(arguments: [(0.5, "500µs"), (350, "350ms"), (2500, "2.5s"), (3_840_000, "1h4m"), (86_400_000, "24h")])
  func formats(ms: Double, text: String) { #expect(DurationText.format(milliseconds: ms) == text) }
}
