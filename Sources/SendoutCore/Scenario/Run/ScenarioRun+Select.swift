extension ScenarioRun {
  /// Selects one of `candidates` by the string parameter `key`: a scenario key, a name/code/source id, an id,
  /// `"next"` (round-robin) or `"random"` (from the seed). When absent, `fallback` is used (nil: required).
  mutating func select(
    _ p: inout FieldReader, _ key: String, kind: String, from candidates: [SelectionCandidate], fallback: String?
  ) throws(ScenarioError) -> String {
    let given = try p.string(key)
    guard let wanted = given ?? fallback else {
      throw p.error(key, "is required: a \(kind) key, name or id, \"next\" or \"random\"")
    }
    guard !candidates.isEmpty else { throw p.error(key, "the world has no \(kind) to select") }
    switch wanted {
    case "next":
      let i = cursors[kind, default: 0]
      cursors[kind] = i + 1
      return candidates[i % candidates.count].id
    case "random":
      return candidates[rng.int(in: 0...(candidates.count - 1))].id
    default:
      if let c = candidates.first(where: { $0.id == wanted || $0.aliases.contains(wanted) }) { return c.id }
      if given == nil { return wanted }  // a default id (e.g. the latest voucher) that is no longer listed
      let names = candidates.map { $0.aliases.first ?? $0.id }
      let hint = Suggest.closest(to: wanted, in: names).map { " (did you mean '\($0)'?)" } ?? ""
      let shown = names.prefix(12).joined(separator: ", ") + (names.count > 12 ? ", …" : "")
      throw p.error(
        key, "no \(kind) '\(wanted)'\(hint); expected a key, name or id, \"next\" or \"random\"; available: \(shown)")
    }
  }

  /// The scenario keys registered for `kind`, by id.
  func keyNames(_ kind: String) -> [String: [String]] {
    var out: [String: [String]] = [:]
    for (k, id) in keys where k.hasPrefix(kind + ":") {
      out[id, default: []].append(String(k.dropFirst(kind.count + 1)))
    }
    for id in out.keys { out[id]?.sort() }
    return out
  }

  /// Selectable customers (keys, source id, email, name).
  func customerCandidates() -> [SelectionCandidate] {
    let k = keyNames("customer")
    return world.customers.map {
      SelectionCandidate(id: $0.id, aliases: (k[$0.id] ?? []) + [$0.sourceID, $0.email, $0.name].compactMap { $0 })
    }
  }

  /// Selectable campaigns, optionally of one type (keys, name, type name).
  func campaignCandidates(_ type: CampaignType? = nil) -> [SelectionCandidate] {
    let k = keyNames("campaign")
    return world.campaigns.filter { !$0.deleted && (type == nil || $0.campaignType == type) }.map {
      SelectionCandidate(id: $0.id, aliases: (k[$0.id] ?? []) + [$0.name])
    }
  }

  /// Selectable vouchers (codes).
  func voucherCandidates(_ type: CampaignType? = nil) -> [SelectionCandidate] {
    world.vouchers.filter { !$0.deleted && (type == nil || $0.campaignType == type) }.map {
      SelectionCandidate(id: $0.id, aliases: [$0.code])
    }
  }

  /// Candidates with a key and a display name.
  func named<S: Sequence>(_ list: S, kind: String, name: (S.Element) -> String) -> [SelectionCandidate]
  where S.Element: Identifiable, S.Element.ID == String {
    let k = keyNames(kind)
    return list.map { SelectionCandidate(id: $0.id, aliases: (k[$0.id] ?? []) + [name($0)]) }
  }

  /// Candidates known by id only.
  func plain<S: Sequence>(_ list: S) -> [SelectionCandidate] where S.Element: Identifiable, S.Element.ID == String {
    list.map { SelectionCandidate(id: $0.id, aliases: []) }
  }

  /// A customer: `customer` parameter, default `fallback` or `"next"`.
  mutating func customer(_ p: inout FieldReader, _ key: String = "customer", fallback: String? = "next")
    throws(ScenarioError)
    -> String
  {
    try select(&p, key, kind: "customer", from: customerCandidates(), fallback: fallback)
  }

  /// A campaign of `type`: `campaign` parameter, default the first campaign of that type.
  mutating func campaign(_ p: inout FieldReader, _ type: CampaignType? = nil, required: Bool = false)
    throws(ScenarioError) -> String
  {
    let all = campaignCandidates(type)
    return try select(
      &p, "campaign", kind: type.map { "\($0.rawValue) campaign" } ?? "campaign", from: all,
      fallback: required ? nil : all.first?.id)
  }

  /// A voucher by id or code; default the latest voucher a step published or created.
  mutating func voucher(_ p: inout FieldReader, _ key: String = "voucher", type: CampaignType? = nil)
    throws(ScenarioError) -> String
  {
    try select(&p, key, kind: "voucher", from: voucherCandidates(type), fallback: last["voucher"])
  }

  /// A loyalty card: `card` (id or code), or the card of `customer` in `campaign` (default: the latest card).
  mutating func loyaltyCard(_ p: inout FieldReader) throws(ScenarioError) -> String {
    if p.object["card"] != nil {
      return try select(&p, "card", kind: "loyalty card", from: voucherCandidates(.loyaltyProgram), fallback: nil)
    }
    if p.object["customer"] != nil {
      let c = try self.customer(&p)
      let camp = try self.campaign(&p, .loyaltyProgram)
      guard let card = world.loyaltyCard(of: c, in: camp) else {
        throw p.error(
          "customer", "customer '\(c)' has no card in this loyalty program; publish the program to them first")
      }
      return card.id
    }
    guard let id = last["card"] else {
      throw p.error("card", "is required: no step has published a loyalty card yet; give `card` or `customer`")
    }
    return id
  }
}
