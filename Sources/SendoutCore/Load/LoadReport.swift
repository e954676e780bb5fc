import Foundation

/// The outcome of a load run, ready to print as text or JSON and to check against thresholds.
public struct LoadReport: Sendable {
  /// Target URL.
  public var target: String
  /// Requests per second asked for (nil: closed loop, as fast as the connections allow).
  public var requestedRate: Double?
  /// Connections used.
  public var connections: Int
  /// Transport name (`socket`, `urlsession`).
  public var transport: String
  /// Wall time of the run in seconds.
  public var seconds: Double
  /// The measurements.
  public var stats: LoadStats

  /// Creates a report.
  public init(
    target: String, requestedRate: Double?, connections: Int, transport: String, seconds: Double, stats: LoadStats
  ) {
    self.target = TargetURL.withoutPassword(target)
    self.requestedRate = requestedRate
    self.connections = connections
    self.transport = transport
    self.seconds = seconds
    self.stats = stats
  }

  /// Completed requests per second.
  public var achievedRate: Double { seconds > 0 ? Double(stats.completed) / seconds : 0 }

  /// Whether the generator fell behind its schedule: achieved rate more than 1 % under the requested one, or a p99
  /// scheduling lag over `lagToleranceMicros` (a request sent late by less than the gap to the next one is no
  /// backlog: at 300 req/s a 1.3 ms lag is on schedule, at 100,000 req/s it is 130 requests behind).
  public var generatorFellBehind: Bool {
    guard let requestedRate, requestedRate > 0 else { return false }
    let lag = Double(stats.schedulingLag.value(atPercentile: 99))
    return achievedRate < requestedRate * 0.99 || lag > Self.lagToleranceMicros(rate: requestedRate)
  }

  /// The p99 scheduling lag tolerated at `rate` req/s: one interval between requests, and at least 1 ms.
  public static func lagToleranceMicros(rate: Double) -> Double { max(1000, 1_000_000 / rate) }

  /// Latency in milliseconds at `percentile`.
  public func latencyMilliseconds(_ percentile: Double) -> Double {
    Double(stats.latency.value(atPercentile: percentile)) / 1000
  }

  /// A threshold that was not met, as a sentence; empty when all were met.
  public func unmetThresholds(maxP99Milliseconds: Double?, maxErrorRate: Double?) -> [String] {
    var unmet: [String] = []
    if let max = maxP99Milliseconds, latencyMilliseconds(99) > max {
      unmet.append("p99 latency \(format(latencyMilliseconds(99))) ms is over the limit of \(format(max)) ms")
    }
    if let max = maxErrorRate, stats.errorRate > max {
      unmet.append("error rate \(format(stats.errorRate * 100))% is over the limit of \(format(max * 100))%")
    }
    return unmet
  }

  /// A wrk-like text report.
  public var text: String {
    var lines: [String] = []
    let mode = requestedRate.map { "open loop at \(format($0)) req/s" } ?? "closed loop"
    lines.append("Target      \(target)  (\(transport), \(connections) connections, \(mode))")
    lines.append(
      "Requests    \(stats.completed) completed in \(format(seconds)) s, \(stats.succeeded) 2xx, \(stats.failed) failed (\(format(stats.errorRate * 100))%)"
    )
    var rate = "Throughput  \(format(achievedRate)) req/s"
    if let requestedRate { rate += " (asked for \(format(requestedRate)) req/s)" }
    lines.append(rate)
    lines.append(
      "Latency     p50 \(ms(50))  p90 \(ms(90))  p99 \(ms(99))  p99.9 \(ms(99.9))  max \(format(Double(stats.latency.max) / 1000)) ms  mean \(format(stats.latency.mean / 1000)) ms"
    )
    if requestedRate != nil {
      lines.append(
        "Scheduling  generator lag p99 \(format(Double(stats.schedulingLag.value(atPercentile: 99)) / 1000)) ms (latency is measured from each request's intended send time)"
      )
    }
    let statuses = stats.statusCounts.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
    lines.append("Status      " + (statuses.isEmpty ? "none" : statuses.joined(separator: ", ")))
    if !stats.errorCounts.isEmpty {
      lines.append(
        "Errors      "
          + stats.errorCounts.sorted { $0.key.text < $1.key.text }.map { "\($0.key.text): \($0.value)" }.joined(
            separator: ", "))
    }
    if generatorFellBehind {
      lines.append(
        "WARNING     the generator could not keep up with the requested rate; figures understate the receiver's capacity only if the receiver was not the bottleneck"
      )
    }
    return lines.map(TerminalText.escape).joined(separator: "\n")  // the target and error kinds come from input
  }

  /// The report as JSON for scripts.
  public var json: JSON {
    var latency = JSONObject()
    for (name, p) in [("p50", 50.0), ("p90", 90.0), ("p99", 99.0), ("p99_9", 99.9)] {
      latency.append(name, .double(latencyMilliseconds(p)))
    }
    latency.append("max", .double(Double(stats.latency.max) / 1000))
    latency.append("mean", .double(stats.latency.mean / 1000))
    return [
      "target": .string(target),
      "transport": .string(transport),
      "connections": .int(connections),
      "requested_rate": requestedRate.map(JSON.double) ?? .null,
      "achieved_rate": .double((achievedRate * 10).rounded() / 10),
      "seconds": .double((seconds * 1000).rounded() / 1000),
      "requests": .int(stats.completed),
      "succeeded": .int(stats.succeeded),
      "failed": .int(stats.failed),
      "error_rate": .double(stats.errorRate),
      "latency_ms": .object(latency),
      "scheduling_lag_p99_ms": .double(Double(stats.schedulingLag.value(atPercentile: 99)) / 1000),
      "status_codes": .object(
        JSONObject(stats.statusCounts.sorted { $0.key < $1.key }.map { JSONMember(String($0.key), .int($0.value)) })),
      "errors": .object(
        JSONObject(
          stats.errorCounts.sorted { $0.key.text < $1.key.text }.map { JSONMember($0.key.text, .int($0.value)) })),
      "generator_fell_behind": .bool(generatorFellBehind),
    ]
  }

  func ms(_ p: Double) -> String { format(latencyMilliseconds(p)) + " ms" }
  func format(_ v: Double) -> String { String(format: v >= 100 ? "%.0f" : "%.2f", v) }
}
