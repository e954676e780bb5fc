import SendoutCore

/// One line of `listen --quiet`: the totals since the listener started and the rate over the last interval.
public struct ListenSummary: Sendable, Equatable {
  /// Requests received so far.
  public var arrivals: Int
  /// Of those, requests whose signature matched the secret.
  public var verified: Int
  /// Of those, requests whose signature did not match or was missing (only counted with a secret).
  public var failed: Int
  /// Arrivals per second over the last interval.
  public var rate: Double

  /// A summary with the given figures.
  public init(arrivals: Int, verified: Int, failed: Int, rate: Double) {
    self.arrivals = arrivals
    self.verified = verified
    self.failed = failed
    self.rate = rate
  }

  /// `arrivals 91234  verified 91230  failed 4  45102 req/s`.
  public var line: String {
    "arrivals \(arrivals)  verified \(verified)  failed \(failed)  \(Int(rate.rounded())) req/s"
  }

  /// The same figures as one JSON object (`listen --quiet --json`).
  public var json: JSON {
    .object(
      JSONObject([
        JSONMember("arrivals", .int(arrivals)), JSONMember("verified", .int(verified)),
        JSONMember("failed", .int(failed)), JSONMember("rate", .int(Int(rate.rounded()))),
      ]))
  }
}
