import SendoutCore

/// The client-side endpoints (`/client/v1/…`, keys `X-Client-Application-Id` + `X-Client-Token` and an `origin`
/// header): the same validation, redemption, custom event and tier listing as the server-side ones, on the same world
/// (check eligibility's client-side path is in `APIQualifications`).
enum APIClientSide {
  /// The operations, by `operationId`.
  static let endpoints: [String: APIEndpoints.Handler] = [
    "validate-stacked-discounts-client-side": APIValidations.validate,
    "redeem-stacked-discounts-client-side": APIRedemptions.redeem,
    "track-custom-event-client-side": APIEvents.trackCustomEvent,
    "list-promotion-tiers-client-side": APIPromotionTiers.tiers.handler(.list),
  ]
}
