/// The listener's verdict on a request's `x-voucherify-signature`.
public enum SignatureCheck: String, Sendable, Equatable {
  /// It matches HMAC-SHA256(secret, body).
  case valid
  /// It does not match.
  case invalid
  /// There is no signature header.
  case absent
  /// A signature is present but the listener has no `--secret` to check it with.
  case unchecked
}
