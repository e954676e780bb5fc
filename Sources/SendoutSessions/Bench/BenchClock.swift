/// Wall-clock timing for the benchmarks (a session may read the clock; the core may not).
enum BenchClock {
  /// Calls `body(n)` for n = 0, 1, … for `seconds`; returns the count, the exact seconds and the summed result.
  static func measure(seconds: Double, _ body: (Int) -> Int) -> (Int, Double, Int) {
    let clock = ContinuousClock()
    let started = clock.now
    let deadline = started.advanced(by: .milliseconds(Int64(seconds * 1000)))
    var count = 0
    var total = 0
    while clock.now < deadline {
      for _ in 0..<256 {
        total += body(count)
        count += 1
      }
    }
    let elapsed = started.duration(to: clock.now)
    return (count, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, total)
  }

  /// Runs `body` once; returns the seconds it took.
  static func time(_ body: () throws(SessionError) -> Void) throws(SessionError) -> Double {
    let clock = ContinuousClock()
    let started = clock.now
    try body()
    let elapsed = started.duration(to: clock.now)
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  }
}
