import Foundation

extension Histogram {
  /// HdrHistogram's percentile distribution text (`outputPercentileDistribution`), values divided by `scale`
  /// (1000 prints milliseconds from microseconds), 5 ticks per half distance. Plotting tools read it as is.
  public func percentileDistribution(scale: Double = 1000, ticksPerHalfDistance: Int = 5) -> String {
    var out =
      pad("Value", 12) + " " + pad("Percentile", 14) + " " + pad("TotalCount", 10) + " " + pad("1/(1-Percentile)", 14)
      + "\n\n"
    for step in percentileSteps(ticksPerHalfDistance: ticksPerHalfDistance) {
      let value = String(format: "%12.3f", Double(step.value) / scale)
      let percentile = String(format: "%2.12f", step.percentile / 100)
      let total = String(format: "%10lld", step.totalCount)
      if step.percentile < 100 {
        out += "\(value) \(percentile) \(total) \(String(format: "%14.2f", 1 / (1 - step.percentile / 100)))\n"
      } else {
        out += "\(value) \(percentile) \(total)\n"
      }
    }
    out += String(format: "#[Mean    = %12.3f, StdDeviation   = %12.3f]\n", mean / scale, standardDeviation / scale)
    out += String(format: "#[Max     = %12.3f, Total count    = %12lld]\n", Double(max) / scale, totalCount)
    out += String(format: "#[Buckets = %12d, SubBuckets     = %12d]\n", bucketCount, Histogram.subBucketCount)
    return out
  }

  /// The rows of the percentile distribution, as HdrHistogram's PercentileIterator yields them:
  /// ever finer percentile steps, ending with one row at 100 %.
  public func percentileSteps(ticksPerHalfDistance: Int = 5) -> [(value: Int64, percentile: Double, totalCount: Int64)]
  {
    guard totalCount > 0 else { return [] }
    var rows: [(value: Int64, percentile: Double, totalCount: Int64)] = []
    var percentileTo = 0.0
    var running: Int64 = 0
    for (i, c) in counts.enumerated() where c != 0 {
      running += c
      let current = 100.0 * Double(running) / Double(totalCount)
      let value = Histogram.highestEquivalent(Histogram.value(at: i))
      while percentileTo <= current {
        rows.append((value, percentileTo, running))
        let halfDistances = Int(log2(100 / (100 - percentileTo)))
        let ticks = Double(ticksPerHalfDistance) * pow(2, Double(halfDistances + 1))
        percentileTo += 100 / ticks
        if running == totalCount {
          rows.append((value, 100, running))
          return rows
        }
      }
    }
    return rows
  }
}

private func pad(_ s: String, _ width: Int) -> String {
  s.count >= width ? s : String(repeating: " ", count: width - s.count) + s
}
