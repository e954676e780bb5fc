/// A project webhook or distribution at one target URL (its password removed, as the audit log keeps it): what a
/// pause belongs to, since each URL is its own webhook in Voucherify.
public struct SourceAtTarget: Sendable, Hashable {
  /// `wh_…` or `distr_…`.
  public var sourceID: String
  /// The target URL without its password.
  public var targetURL: String

  /// Names a source at a target URL.
  public init(sourceID: String, targetURL: String) {
    self.sourceID = sourceID
    self.targetURL = targetURL
  }
}
