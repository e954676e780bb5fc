/// Builds the world a scenario starts from: `World.sample` when the scenario has no `world`, otherwise the
/// products, customers, segments, campaigns, validation rules and distributions it lists. Setup emits no sendouts.
struct WorldBuilder {
  /// The built world and its scenario keys (`"campaign:spring"` → id).
  static func build(_ spec: JSONObject, seed: UInt64, start: Timestamp, file: String) throws(ScenarioError) -> (
    World, [String: String]
  ) {
    if spec.members.isEmpty {
      do { return try sample(seed: seed, start: start) } catch {
        throw ScenarioError(file: file, path: "world", refusal: error)
      }
    }
    var run = ScenarioRun(world: World(seed: seed, start: start), keys: [:], seed: seed ^ 0xB01D, file: file)
    var r = try FieldReader(.object(spec), path: "world", file: file)
    do {
      try products(&run, &r)
      try customers(&run, &r)
      for (i, v) in (try r.array("segments") ?? []).enumerated() {
        var s = try FieldReader(v, path: "world.segments.\(i)", file: file)
        let segment = run.world.addSegment(name: try s.string("name") ?? "Segment \(i + 1)")
        if let k = try s.string("key") { run.keys["segment:" + k] = segment.id }
        try s.finish()
      }
      for (i, v) in (try r.array("campaigns") ?? []).enumerated() {
        var c = try FieldReader(v, path: "world.campaigns.\(i)", file: file)
        _ = try run.createCampaign(&c)
        try c.finish()
      }
      for (i, v) in (try r.array("validation_rules") ?? []).enumerated() {
        var c = try FieldReader(v, path: "world.validation_rules.\(i)", file: file)
        _ = try run.validationRule("create", &c)
        try c.finish()
      }
      for (i, v) in (try r.array("distributions") ?? []).enumerated() {
        var d = try FieldReader(v, path: "world.distributions.\(i)", file: file)
        let purpose =
          DistributionPurpose(
            rawValue: try d.oneOf("purpose", DistributionPurpose.allCases.map(\.rawValue)) ?? "") ?? .sendUniqueCodes
        let campaign =
          purpose == .plainMessage
          ? nil : try run.campaign(&d, purpose == .notifyAboutPromotion ? .promotion : nil, required: true)
        let made = run.world.addDistribution(purpose: purpose, campaignID: campaign)
        if let k = try d.string("key") { run.keys["distribution:" + k] = made.id }
        try d.finish()
      }
      try r.finish()
    } catch let error as ScenarioError {
      throw error
    } catch let error as VoucherifyError {
      throw ScenarioError(file: file, path: "world", refusal: error)
    } catch {
      throw ScenarioError(file: file, path: "world", reason: "\(error)")
    }
    return (run.world, run.keys)
  }

  private static func products(_ run: inout ScenarioRun, _ r: inout FieldReader) throws(ScenarioError) {
    guard let list = try r.array("products") else {
      for (name, sourceID, price) in WordLists.products.prefix(5) {
        run.world.addProduct(name: name, sourceID: sourceID, price: price)
      }
      return
    }
    for (i, v) in list.enumerated() {
      var p = try FieldReader(v, path: "world.products.\(i)", file: r.file)
      let name = try p.string("name") ?? "Product \(i + 1)"
      let product = run.world.addProduct(
        name: name, sourceID: try p.string("source_id") ?? "prod-\(i + 1)",
        price: try p.int("price", in: 1...100_000_000) ?? 2500)
      if let k = try p.string("key") { run.keys["product:" + k] = product.id }
      try p.finish()
    }
  }

  /// `customers`: entries `{key, name, email, metadata}` or populations `{count, metadata}` whose metadata
  /// values may be arrays (one value drawn per customer) or `{"min", "max"}` (an integer drawn per customer).
  private static func customers(_ run: inout ScenarioRun, _ r: inout FieldReader) throws(ScenarioError) {
    guard let list = try r.array("customers") else {
      for _ in 0..<4 { _ = run.world.createCustomer() }
      return
    }
    for (i, v) in list.enumerated() {
      var c = try FieldReader(v, path: "world.customers.\(i)", file: r.file)
      let count = try c.int("count", in: 1...100_000) ?? 1
      let key = try c.string("key")
      if key != nil && count > 1 { throw c.error("key", "a key names one customer; remove it or `count`") }
      let name = try c.string("name")
      let email = try c.string("email")
      let meta = try run.metadata(&c)
      for _ in 0..<count {
        var drawn: JSONObject?
        if let meta {
          var out = JSONObject()
          for m in meta.members {
            switch m.value {
            case .array(let choices) where !choices.isEmpty:
              out.append(m.key, choices[run.rng.int(in: 0...(choices.count - 1))])
            case .object(let o) where o["min"]?.intValue != nil && o["max"]?.intValue != nil:
              let lo = o["min"]?.intValue ?? 0
              let hi = o["max"]?.intValue ?? 0
              guard lo <= hi else { throw c.error("metadata.\(m.key)", "expected min ≤ max, found \(lo) > \(hi)") }
              out.append(m.key, .int(run.rng.int(in: lo...hi)))
            default: out.append(m.key, m.value)
            }
          }
          drawn = out
        }
        let made = run.world.createCustomer(name: name, email: email, metadata: drawn).value
        if let key { run.keys["customer:" + key] = made.id }
      }
      try c.finish()
    }
  }

  private static func sample(seed: UInt64, start: Timestamp) throws(VoucherifyError) -> (World, [String: String]) {
    let w = try World.sample(seed: seed, start: start)
    var keys: [String: String] = [:]
    let firsts: [(String, CampaignType)] = [
      ("coupons", .discountCoupons), ("gift", .giftVouchers), ("loyalty", .loyaltyProgram),
      ("referral", .referralProgram),
      ("promotion", .promotion),
    ]
    for (k, t) in firsts { if let c = w.firstCampaign(t) { keys["campaign:" + k] = c.id } }
    if let welcome = w.campaigns.first(where: { $0.name == "Welcome Offer" }) { keys["campaign:welcome"] = welcome.id }
    for (i, d) in w.distributions.enumerated() { keys["distribution:" + (i == 0 ? "send_codes" : "notify")] = d.id }
    return (w, keys)
  }
}
