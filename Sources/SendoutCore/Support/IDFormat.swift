/// The shape of one kind of Voucherify identifier: a prefix and a body drawn from an alphabet.
/// Formats are measured from the official spec's examples (reference notes §4); consumers must not
/// parse them, but a faithful simulator mints the same shapes.
public struct IDFormat: Sendable, Hashable {
  /// How the body after the prefix is made.
  public enum Body: Sendable, Hashable {
    /// `n` characters of `[0-9A-Za-z]`.
    case base62(Int)
    /// 18 lowercase hex digits, time-ordered: the first 11 encode (ms − 2016-05-04) × 4.
    case timeHex
    /// A lowercase UUID (voucher asset ids).
    case uuid
  }

  /// The prefix, including its separator (`camp_`, `v-`).
  public var prefix: String
  /// The body.
  public var body: Body

  /// Creates a format.
  public init(_ prefix: String, _ body: Body) {
    self.prefix = prefix
    self.body = body
  }
}

extension IDFormat {
  public static let campaign = IDFormat("camp_", .base62(24))
  public static let voucher = IDFormat("v_", .base62(32))
  public static let customer = IDFormat("cust_", .base62(24))
  public static let publication = IDFormat("pub_", .base62(32))
  public static let distribution = IDFormat("distr_", .base62(26))
  public static let webhook = IDFormat("wh_", .base62(24))
  public static let sendout = IDFormat("whs_", .timeHex)
  public static let customerEvent = IDFormat("evcus_", .timeHex)
  public static let redemptionEvent = IDFormat("evred_", .timeHex)
  public static let voucherEvent = IDFormat("evvou_", .timeHex)
  public static let campaignEvent = IDFormat("evcam_", .timeHex)
  public static let validationRuleEvent = IDFormat("evval_", .timeHex)
  public static let publicationEvent = IDFormat("evpub_", .timeHex)
  public static let distributionEvent = IDFormat("evdis_", .timeHex)
  public static let group = IDFormat("v-", .timeHex)
  public static let customEvent = IDFormat("event_", .timeHex)
  public static let redemption = IDFormat("r_", .timeHex)
  public static let redemptionFailed = IDFormat("rf_", .timeHex)
  public static let rollback = IDFormat("rr_", .timeHex)
  public static let rollbackFailed = IDFormat("rrf_", .timeHex)
  public static let order = IDFormat("ord_", .timeHex)
  public static let orderLineItem = IDFormat("ordli_", .timeHex)
  public static let category = IDFormat("cat_", .timeHex)
  public static let product = IDFormat("prod_", .timeHex)
  public static let sku = IDFormat("sku_", .timeHex)
  public static let project = IDFormat("proj_", .base62(8))
  public static let segment = IDFormat("seg_", .base62(24))
  public static let loyaltyTier = IDFormat("ltr_", .timeHex)
  public static let reward = IDFormat("rew_", .base62(24))
  public static let rewardAssignment = IDFormat("rewa_", .base62(24))
  public static let rewardRedemption = IDFormat("rewr_", .base62(24))
  public static let promotionTier = IDFormat("promo_", .base62(24))
  public static let promotionStack = IDFormat("stack_", .base62(24))
  public static let validationRule = IDFormat("val_", .base62(12))
  public static let validationRuleAssignment = IDFormat("asgm_", .base62(16))
  public static let earningRule = IDFormat("ern_", .base62(24))
  public static let transaction = IDFormat("vtx_", .timeHex)
  public static let pendingPoints = IDFormat("lopp_", .timeHex)
  public static let pointsBucket = IDFormat("lopb_", .base62(24))
  public static let redeemableHolder = IDFormat("rh_", .timeHex)
  public static let metadataSchema = IDFormat("ms_", .base62(24))
  public static let productCollection = IDFormat("pc_", .base62(24))
  public static let asyncAction = IDFormat("aa_", .timeHex)
  public static let user = IDFormat("user_", .base62(32))
  public static let tracking = IDFormat("track_", .base62(32))
  public static let referralTier = IDFormat("reftr_", .base62(24))
  public static let asset = IDFormat("", .uuid)
  /// Automation behind an earning rule (`auto_…`, 24 b62, from the spec's earning rule examples).
  public static let automation = IDFormat("auto_", .base62(24))
}
