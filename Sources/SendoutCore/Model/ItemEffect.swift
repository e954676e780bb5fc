/// How an item-level discount spreads over the order lines it applies to (`discount.effect`), as Voucherify's
/// "Complete Discounts Guide" and "Discount Effects Cheat Sheet" describe each (docs/serve-fidelity.md, "Item-level
/// discounts", with their worked examples).
public enum ItemEffect: String, Sendable, CaseIterable {
  /// `APPLY_TO_ITEMS`: each line's subtotal gets the discount (an amount off each line, at most the line; a percent
  /// of each line; a `FIXED` new price for each line).
  case each = "APPLY_TO_ITEMS"
  /// `APPLY_TO_ITEMS_BY_QUANTITY`: the amount off every unit of each line, at most the line.
  case eachUnit = "APPLY_TO_ITEMS_BY_QUANTITY"
  /// `APPLY_TO_ITEMS_PROPORTIONALLY`: the amount split over the lines by their share of the lines' amount.
  case byAmount = "APPLY_TO_ITEMS_PROPORTIONALLY"
  /// `APPLY_TO_ITEMS_PROPORTIONALLY_BY_QUANTITY`: the amount split over the lines by their share of the units.
  case byQuantity = "APPLY_TO_ITEMS_PROPORTIONALLY_BY_QUANTITY"

  /// The effects Voucherify offers for a discount type (`AMOUNT`: all; `PERCENT` and `FIXED`: `APPLY_TO_ITEMS`).
  public static func allowed(for type: String) -> [ItemEffect] { type == "AMOUNT" ? allCases : [.each] }
}
