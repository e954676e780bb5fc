import SendoutCore

/// The lines `fire` and `run` print for a `DeliveryNotice` and for a schedule compressed for CI: secrets by their
/// source and first characters only.
public enum NoticeText {
  /// The lines for `notice` (none for a generated secret: the line that generated it says so).
  public static func lines(for notice: DeliveryNotice) -> [String] {
    switch notice {
    case .signing(let secret) where secret.source == .generated: return []
    case .signing(let secret): return ["Signing with \(describe(secret))"]
    case .unsigned:
      return [
        "Warning: sending unsigned (no --secret or SENDOUT_SECRET): Voucherify always signs, and a receiver that checks x-voucherify-signature refuses this"
      ]
    case .pauseIgnored(let source, let failed):
      let kind =
        source.object == .webhook ? "project webhook \(source.id) is disabled" : "distribution \(source.id) is paused"
      return [
        "Delivering anyway: Voucherify would skip this, its \(kind) at this URL since \(failed.sendoutID) failed attempt \(failed.attempt) at \(failed.executedAt.iso8601) (--honor-pause skips it, --resume sets it live)"
      ]
    case .refused(let status, let secret):
      guard let secret else {
        return [
          "Hint: HTTP \(status) may mean the receiver wants a signature: pass its secret with --secret or SENDOUT_SECRET"
        ]
      }
      return ["Hint: HTTP \(status) may mean the receiver checks another secret: signed with \(describe(secret))"]
    }
  }

  /// `the secret from --secret, starting 'abcd' (12 characters)` and the like.
  static func describe(_ secret: SigningSecret) -> String {
    let origin: String
    switch secret.source {
    case .flag: origin = "the secret from --secret"
    case .environment(let name): origin = "the secret from the environment variable \(name)"
    case .scenarioDefault(let name):
      origin = "the default of ${\(name):-…} in the scenario's project.secret (\(name) is not set)"
    case .scenarioFile: origin = "the secret written in the scenario's project.secret"
    case .generated: origin = "a generated secret"
    }
    return TerminalText.escape("\(origin), starting '\(secret.preview)' (\(secret.value.count) characters)")
  }

  /// How to stop or shorten a schedule whose first retry is a minute or more away (`fire`, after a first attempt
  /// failed).
  public static func longSchedule(_ delivery: DeliverySettings) -> [String] {
    guard delivery.compressedFor == nil, (delivery.policy.offset(ofAttempt: 2) ?? 0) >= 60_000 else { return [] }
    return ["Ctrl-C stops (recorded RETRYING); --retry-schedule 1s,5s or --time-scale 0.001 shortens the wait"]
  }

  /// The line saying the default schedule was compressed for CI, naming the options that choose another.
  public static func ciSchedule(_ delivery: DeliverySettings) -> [String] {
    guard let reason = delivery.compressedFor else { return [] }
    let policy = delivery.policy
    let span = DurationText.format(milliseconds: Double(policy.offset(ofAttempt: policy.maxAttempts) ?? 0))
    return [
      "CI (\(reason)): Voucherify's 24h retry schedule runs compressed to \(span) (\(policy.maxAttempts) attempts); --retry-schedule or --time-scale sets another (--time-scale 1: the real one)"
    ]
  }
}
