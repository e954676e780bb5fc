/// The arithmetic of item-level discounts (`Discount.items`): what each order line gets off, in cents. Pure, never
/// a trap (products saturate), never more than a line's amount, and the lines' discounts never more than the
/// discount (docs/serve-fidelity.md, "Item-level discounts", checks it against Voucherify's worked examples).
///
/// A line's base is its amount, or `price × min(quantity, quantity_limit)` under its target's `quantity_limit`.
/// - `APPLY_TO_ITEMS`: `AMOUNT` takes `min(amount_off, base)` off each line; `PERCENT` takes `round(base × p / 100)`
///   (half up) off each, their sum capped at `amount_limit`; `FIXED` makes each line cost `fixed_amount`.
/// - `APPLY_TO_ITEMS_BY_QUANTITY`: `min(amount_off × units, base)` off each line.
/// - `APPLY_TO_ITEMS_PROPORTIONALLY` (`…_BY_QUANTITY`): `min(amount_off, Σ base)` split by each line's share of the
///   bases (of the units); each share rounded down, the cents left over going one each to the lines with the
///   largest remainders (the first line on a tie), so the parts add up to the whole.
/// Then each target's `amount_limit` caps its lines, and its `aggregated_amount_limit` their sum (in line order).
public enum ItemDiscount {
  /// The cents off each of `lines` (0 for a line whose `targets` entry is `nil`: the discount does not apply to it).
  public static func split(
    _ base: Discount, _ effect: ItemEffect, lines: [RuleItem], targets given: [ApplicableTo.Target?]
  )
    -> [Int]
  {
    let targets = lines.indices.map { $0 < given.count ? given[$0] : nil }
    let applies = targets.map { $0 != nil }
    let units = lines.indices.map { i in min(max(0, lines[i].quantity), targets[i]?.quantityLimit ?? .max) }
    let bases = lines.indices.map { i -> Int in
      guard applies[i] else { return 0 }
      let line = lines[i]
      guard targets[i]?.quantityLimit != nil, let price = line.price else { return max(0, line.amount) }
      return min(max(0, price).multipliedSaturated(by: units[i]), max(0, line.amount))
    }
    var off: [Int]
    switch (base, effect) {
    case (.amount(let amount), .each): off = bases.map { min(max(0, amount), $0) }
    case (.amount(let amount), .eachUnit):
      off = bases.indices.map { min(max(0, amount).multipliedSaturated(by: units[$0]), bases[$0]) }
    case (.amount(let amount), .byAmount): off = shares(of: amount, weights: bases, caps: bases)
    case (.amount(let amount), .byQuantity):
      off = shares(of: amount, weights: bases.indices.map { applies[$0] ? units[$0] : 0 }, caps: bases)
    case (.percent, _):
      let percent = base.effectivePercent(orderAmount: bases.saturatedSum).map { $0.isNaN ? 0 : min(max($0, 0), 100) }
      off = bases.map { b in Int(roundingChecked: (Double(b) * (percent ?? 0) / 100).rounded()).map { min($0, b) } ?? b
      }
      if case .percent(_, let limit?, _) = base { off = capped(off, at: max(0, limit)) }
    case (.fixed(let price), _): off = bases.map { max(0, $0.subtractingSaturated(max(0, price))) }
    default: off = bases.map { _ in 0 }
    }
    for i in off.indices { if let limit = targets[i]?.amountLimit { off[i] = min(off[i], max(0, limit)) } }
    var spent: [Int: Int] = [:]
    for i in off.indices {
      guard let target = targets[i], let limit = target.aggregatedAmountLimit else { continue }
      let key = targets.firstIndex { $0 == target } ?? i
      off[i] = min(off[i], max(0, max(0, limit) - (spent[key] ?? 0)))
      spent[key, default: 0] += off[i]
    }
    return off
  }

  /// `min(total, Σ caps)` split by `weights`: each part rounded down, the rest one cent each by largest remainder.
  static func shares(of total: Int, weights: [Int], caps: [Int]) -> [Int] {
    let whole = min(max(0, total), caps.saturatedSum)
    let sum = weights.saturatedSum
    guard sum > 0 else { return weights.map { _ in 0 } }
    let exact = weights.map { Double(whole) * Double($0) / Double(sum) }
    var parts = exact.indices.map { min(Int(exact[$0].rounded(.down)), caps[$0]) }
    var left = whole - parts.saturatedSum
    let order = exact.indices.sorted { a, b in
      let (x, y) = (exact[a] - exact[a].rounded(.down), exact[b] - exact[b].rounded(.down))
      return x == y ? a < b : x > y
    }
    for i in order where left > 0 && parts[i] < caps[i] && weights[i] > 0 {
      parts[i] += 1
      left -= 1
    }
    return parts
  }

  /// `parts` with their sum held to `limit`, taken off from the last part back.
  static func capped(_ parts: [Int], at limit: Int) -> [Int] {
    var excess = parts.saturatedSum - limit
    var out = parts
    for i in out.indices.reversed() where excess > 0 {
      let cut = min(out[i], excess)
      out[i] -= cut
      excess -= cut
    }
    return out
  }
}
