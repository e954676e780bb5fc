/// The sizes a code configuration may have, so that generating a campaign's codes stays bounded work: at most
/// 100,000 codes of at most 300 characters each, however the request is written.
extension CodeConfig {
  /// The most codes one campaign holds: Voucherify's own default ("a campaign can have up to 100,000 codes by
  /// default", API reference, Import Vouchers to Campaign).
  public static let maxCodesPerCampaign = 100_000
  /// The longest `pattern`, and the largest `length` (Voucherify documents none; ours).
  public static let maxPatternLength = 100
  /// The longest `prefix`, and the longest `postfix`.
  public static let maxAffixLength = 100
  /// The most characters in a `charset`.
  public static let maxCharsetLength = 256

  /// The first size past its limit, as the field (`pattern`, `prefix`, `postfix`, `charset`) and a reason quoting
  /// the size and the limit; `nil` when every size is allowed.
  public var limitViolation: (field: String, reason: String)? {
    let sizes = [
      ("pattern", pattern.count, Self.maxPatternLength), ("prefix", prefix.count, Self.maxAffixLength),
      ("postfix", postfix.count, Self.maxAffixLength), ("charset", charset.count, Self.maxCharsetLength),
    ]
    guard let (field, size, limit) = sizes.first(where: { $0.1 > $0.2 }) else { return nil }
    return (field, "is \(size) characters long; the limit is \(limit)")
  }
}
