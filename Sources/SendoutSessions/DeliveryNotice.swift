import SendoutCore

/// What a delivering session says once, beside its attempts: how it signs, a pause `fire` goes past, and a 401/403
/// that may be the secret's fault.
public enum DeliveryNotice: Sendable, Equatable {
  /// Every request is signed with this secret.
  case signing(SigningSecret)
  /// Requests go out without `x-voucherify-signature` (`fire --to` without `--secret`); Voucherify always signs.
  case unsigned
  /// `fire` delivers to `source` although `failed` left it paused (distribution) or disabled (project webhook) at
  /// this target URL: Voucherify would have skipped it.
  case pauseIgnored(SendoutSource, failed: AuditRecord)
  /// The receiver answered 401 or 403: perhaps the secret it checks is another (`nil`: the request was unsigned).
  case refused(status: Int, signing: SigningSecret?)
}
