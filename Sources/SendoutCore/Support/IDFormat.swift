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
  /// A campaign id: `camp_` + 24 base62 characters.
  public static let campaign = IDFormat("camp_", .base62(24))
  /// A voucher id: `v_` + 32 base62 characters.
  public static let voucher = IDFormat("v_", .base62(32))
  /// A customer id: `cust_` + 24 base62 characters.
  public static let customer = IDFormat("cust_", .base62(24))
  /// A publication id: `pub_` + 32 base62 characters.
  public static let publication = IDFormat("pub_", .base62(32))
  /// A distribution id: `distr_` + 26 base62 characters.
  public static let distribution = IDFormat("distr_", .base62(26))
  /// A webhook id: `wh_` + 24 base62 characters.
  public static let webhook = IDFormat("wh_", .base62(24))
  /// A sendout id: `whs_` + 18 time-ordered hex digits.
  public static let sendout = IDFormat("whs_", .timeHex)
  /// A customer event id: `evcus_` + 18 time-ordered hex digits.
  public static let customerEvent = IDFormat("evcus_", .timeHex)
  /// A redemption event id: `evred_` + 18 time-ordered hex digits.
  public static let redemptionEvent = IDFormat("evred_", .timeHex)
  /// A voucher event id: `evvou_` + 18 time-ordered hex digits.
  public static let voucherEvent = IDFormat("evvou_", .timeHex)
  /// A campaign event id: `evcam_` + 18 time-ordered hex digits.
  public static let campaignEvent = IDFormat("evcam_", .timeHex)
  /// A validation rule event id: `evval_` + 18 time-ordered hex digits.
  public static let validationRuleEvent = IDFormat("evval_", .timeHex)
  /// A publication event id: `evpub_` + 18 time-ordered hex digits.
  public static let publicationEvent = IDFormat("evpub_", .timeHex)
  /// A distribution event id: `evdis_` + 18 time-ordered hex digits.
  public static let distributionEvent = IDFormat("evdis_", .timeHex)
  /// A group id: `v-` + 18 time-ordered hex digits.
  public static let group = IDFormat("v-", .timeHex)
  /// A custom event id: `event_` + 18 time-ordered hex digits.
  public static let customEvent = IDFormat("event_", .timeHex)
  /// A redemption id: `r_` + 18 time-ordered hex digits.
  public static let redemption = IDFormat("r_", .timeHex)
  /// A redemption failed id: `rf_` + 18 time-ordered hex digits.
  public static let redemptionFailed = IDFormat("rf_", .timeHex)
  /// A rollback id: `rr_` + 18 time-ordered hex digits.
  public static let rollback = IDFormat("rr_", .timeHex)
  /// A rollback failed id: `rrf_` + 18 time-ordered hex digits.
  public static let rollbackFailed = IDFormat("rrf_", .timeHex)
  /// An order id: `ord_` + 18 time-ordered hex digits.
  public static let order = IDFormat("ord_", .timeHex)
  /// An order line item id: `ordli_` + 18 time-ordered hex digits.
  public static let orderLineItem = IDFormat("ordli_", .timeHex)
  /// A category id: `cat_` + 18 time-ordered hex digits.
  public static let category = IDFormat("cat_", .timeHex)
  /// A campaign template id: `camp_tpl_` + 18 time-ordered hex digits.
  public static let campaignTemplate = IDFormat("camp_tpl_", .timeHex)
  /// A stacking rules id: `stk_` + 18 time-ordered hex digits.
  public static let stackingRules = IDFormat("stk_", .timeHex)
  /// A brand configuration id: `brd_` + 18 time-ordered hex digits.
  public static let brand = IDFormat("brd_", .timeHex)
  /// A product id: `prod_` + 18 time-ordered hex digits.
  public static let product = IDFormat("prod_", .timeHex)
  /// A sku id: `sku_` + 18 time-ordered hex digits.
  public static let sku = IDFormat("sku_", .timeHex)
  /// A project id: `proj_` + 8 base62 characters.
  public static let project = IDFormat("proj_", .base62(8))
  /// A segment id: `seg_` + 24 base62 characters.
  public static let segment = IDFormat("seg_", .base62(24))
  /// A loyalty tier id: `ltr_` + 18 time-ordered hex digits.
  public static let loyaltyTier = IDFormat("ltr_", .timeHex)
  /// A reward id: `rew_` + 24 base62 characters.
  public static let reward = IDFormat("rew_", .base62(24))
  /// A reward assignment id: `rewa_` + 24 base62 characters.
  public static let rewardAssignment = IDFormat("rewa_", .base62(24))
  /// A reward redemption id: `rewr_` + 24 base62 characters.
  public static let rewardRedemption = IDFormat("rewr_", .base62(24))
  /// A promotion tier id: `promo_` + 24 base62 characters.
  public static let promotionTier = IDFormat("promo_", .base62(24))
  /// A promotion stack id: `stack_` + 24 base62 characters.
  public static let promotionStack = IDFormat("stack_", .base62(24))
  /// A validation rule id: `val_` + 12 base62 characters.
  public static let validationRule = IDFormat("val_", .base62(12))
  /// A validation rule assignment id: `asgm_` + 16 base62 characters.
  public static let validationRuleAssignment = IDFormat("asgm_", .base62(16))
  /// An earning rule id: `ern_` + 24 base62 characters.
  public static let earningRule = IDFormat("ern_", .base62(24))
  /// A transaction id: `vtx_` + 18 time-ordered hex digits.
  public static let transaction = IDFormat("vtx_", .timeHex)
  /// A pending points id: `lopp_` + 18 time-ordered hex digits.
  public static let pendingPoints = IDFormat("lopp_", .timeHex)
  /// A points bucket id: `lopb_` + 24 base62 characters.
  public static let pointsBucket = IDFormat("lopb_", .base62(24))
  /// A redeemable holder id: `rh_` + 18 time-ordered hex digits.
  public static let redeemableHolder = IDFormat("rh_", .timeHex)
  /// A metadata schema id: `ms_` + 24 base62 characters.
  public static let metadataSchema = IDFormat("ms_", .base62(24))
  /// A product collection id: `pc_` + 24 base62 characters.
  public static let productCollection = IDFormat("pc_", .base62(24))
  /// An async action id: `aa_` + 18 time-ordered hex digits.
  public static let asyncAction = IDFormat("aa_", .timeHex)
  /// An user id: `user_` + 32 base62 characters.
  public static let user = IDFormat("user_", .base62(32))
  /// A tracking id: `track_` + 32 base62 characters.
  public static let tracking = IDFormat("track_", .base62(32))
  /// A referral tier id: `reftr_` + 24 base62 characters.
  public static let referralTier = IDFormat("reftr_", .base62(24))
  /// A permanent deletion id: `del_` + 24 base62 characters.
  public static let permanentDeletion = IDFormat("del_", .base62(24))
  /// A bin entry id: `tbe_` + 18 time-ordered hex digits.
  public static let binEntry = IDFormat("tbe_", .timeHex)
  /// An asset id: a UUID.
  public static let asset = IDFormat("", .uuid)
  /// Automation behind an earning rule (`auto_…`, 24 b62, from the spec's earning rule examples).
  public static let automation = IDFormat("auto_", .base62(24))
}
