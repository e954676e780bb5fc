extension World {
  /// Adds a category (no event: categories have no webhooks).
  @discardableResult
  public mutating func addCategory(name: String) -> Category {
    tick()
    let c = Category(id: make(.category), name: name, hierarchy: (categories.count + 1) * 10, createdAt: now)
    categories.append(c)
    return c
  }

  /// Adds a product priced in cents (no event).
  @discardableResult
  public mutating func addProduct(name: String, sourceID: String, price: Int) -> Product {
    tick()
    let p = Product(id: make(.product), sourceID: sourceID, name: name, price: price, createdAt: now)
    products.append(p)
    return p
  }

  /// Creates a customer, generating any value not given; emits `customer.created`.
  public mutating func createCustomer(
    name: String? = nil, email: String? = nil, sourceID: String? = nil, metadata: JSONObject? = nil,
    channel: EventChannel = .api
  ) -> Emitted<Customer> {
    begin(channel)
    let first = rng.pick(WordLists.firstNames)
    let last = rng.pick(WordLists.lastNames)
    let fullName = name ?? "\(first) \(last)"
    let slug = fullName.lowercased().replacingOccurrences(of: " ", with: ".").filter { $0.isASCII }
    let (city, state, country, postal) = rng.pick(WordLists.cities)
    let address = Address(
      city: city, state: state, line1: "\(rng.int(in: 1...250)) \(rng.pick(WordLists.streets))", country: country,
      postalCode: postal)
    let birth = "\(rng.int(in: 1960...2004))-\(pad2(rng.int(in: 1...12)))-\(pad2(rng.int(in: 1...28)))"
    let meta: JSONObject =
      metadata ?? [
        "region": .string(rng.pick(WordLists.regions)), "lang": .string(rng.pick(WordLists.languages)),
        "acquisition_channel": .string(rng.pick(WordLists.channels)),
      ]
    let c = Customer(
      id: make(.customer), sourceID: sourceID ?? "\(slug)-\(rng.int(in: 100...999))",
      name: fullName, email: email ?? "\(slug)@\(rng.pick(WordLists.domains))",
      phone: "+1 555 \(rng.int(in: 100...999)) \(rng.int(in: 1000...9999))", birthdate: birth,
      description: rng.chance(0.5) ? "Subscribed newsletter user" : "Registered through the online store",
      address: address, metadata: meta, createdAt: now)
    addCustomer(c)
    emit("customer.created", entity: c.id, ["customer": .object(c.fullJSON)])
    return finish(c)
  }

  /// Changes a customer's metadata; emits `customer.updated`.
  public mutating func updateCustomer(_ id: String, metadata: JSONObject, channel: EventChannel = .api)
    throws(VoucherifyError) -> Emitted<Customer>
  {
    let i = try position(in: customers, id, "customer")
    begin(channel)
    for m in metadata.members { customers[i].metadata[m.key] = m.value }
    customers[i].updatedAt = now
    emit("customer.updated", entity: id, ["customer": .object(customers[i].fullJSON)])
    return finish(customers[i])
  }

  /// Deletes a customer; emits `customer.deleted`.
  public mutating func deleteCustomer(_ id: String, channel: EventChannel = .userPortal) throws(VoucherifyError)
    -> Emitted<Customer>
  {
    let i = try position(in: customers, id, "customer")
    begin(channel)
    customers[i].updatedAt = now
    emit("customer.deleted", entity: id, ["customer": .object(customers[i].fullJSON)])
    return finish(removeCustomer(at: i))
  }

  /// Adds a segment (no event).
  @discardableResult
  public mutating func addSegment(name: String) -> Segment {
    tick()
    let s = Segment(id: make(.segment), name: name, createdAt: now)
    segments.append(s)
    return s
  }
}

/// Two-digit zero padding.
func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
