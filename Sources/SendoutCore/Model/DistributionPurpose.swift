/// What a distribution is for; it decides which optional objects a distribution event's `data` carries
/// (seed 001, "Webhooks available in Distributions").
public enum DistributionPurpose: String, Sendable, CaseIterable, Hashable {
  /// "Notify customers about promotion": adds `campaign` and `promotion_tier`.
  case notifyAboutPromotion = "notify_about_promotion"
  /// "Send and publish unique codes from campaign": adds `campaign`, `voucher` and `publication`.
  case sendUniqueCodes = "send_and_publish_unique_codes"
  /// "Send plain message to customers": only the event's basic objects.
  case plainMessage = "plain_message"
}
