import SendoutCore
import Testing

@Suite struct DurationTextTests {
  @Test(arguments: [
    ("100ms", 100), ("1s", 1000), ("1.5s", 1500), ("4m", 240_000), ("1h4m", 3_840_000), ("24h", 86_400_000),
    ("0", 0), (" 2s ", 2000), ("1m30s", 90_000),
  ] as [(String, Int64)])
  func parses(text: String, ms: Int64) { #expect(DurationText.milliseconds(text) == ms) }

  @Test(arguments: ["", "ms", "10", "-1s", "1x", "1s1m", "abc", "1..2s"])
  func rejects(text: String) { #expect(DurationText.milliseconds(text) == nil) }

  @Test(arguments: [(100, "100ms"), (1500, "1.5s"), (60_000, "1m"), (3_840_000, "1h4m"), (86_400_000, "24h")] as [(Int64, String)])
  func formats(ms: Int64, text: String) { #expect(DurationText.format(milliseconds: ms) == text) }
}
