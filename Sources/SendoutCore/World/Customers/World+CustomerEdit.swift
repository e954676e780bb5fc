extension World {
  /// Changes a customer's profile (name, email, phone, birth date, description, address, metadata); emits
  /// `customer.updated`.
  public mutating func editCustomer(_ id: String, _ changes: CustomerChanges, channel: EventChannel = .api)
    throws(VoucherifyError) -> Emitted<Customer>
  {
    let i = try position(in: customers, id, "customer")
    begin(channel)
    var c = customers[i]
    if let name = changes.name { c.name = name }
    if let email = changes.email { c.email = email }
    if let phone = changes.phone { c.phone = phone }
    if let birthdate = changes.birthdate { c.birthdate = birthdate }
    if let description = changes.description { c.description = description }
    if changes.hasAddress {
      var a = c.address ?? Address(city: nil, state: nil, line1: nil, country: nil, postalCode: nil)
      if let city = changes.city { a.city = city }
      if let state = changes.state { a.state = state }
      if let line1 = changes.line1 { a.line1 = line1 }
      if let country = changes.country { a.country = country }
      if let postalCode = changes.postalCode { a.postalCode = postalCode }
      c.address = a
    }
    for m in changes.metadata?.members ?? [] { c.metadata[m.key] = m.value == .null ? nil : m.value }
    c.updatedAt = now
    customers[i] = c
    emit("customer.updated", entity: id, ["customer": .object(c.fullJSON)])
    return finish(c)
  }

  /// Changes customer `id`'s running summary; a call that names no customer (`nil`) changes none.
  mutating func summarize(_ id: String?, _ change: (inout Customer) -> Void) {
    guard let id, let ci = customers.position(of: id) else { return }
    change(&customers[ci])
  }

  /// A customer created through the API: exactly `given` and `sourceID` (what was not given is `null`, nothing is
  /// drawn); emits `customer.created`.
  public mutating func createCustomer(sourceID: String?, given: CustomerChanges, channel: EventChannel = .api)
    -> Emitted<Customer>
  {
    begin(channel)
    var address: Address?
    if given.hasAddress {
      address = Address(
        city: given.city, state: given.state, line1: given.line1, country: given.country, postalCode: given.postalCode)
    }
    let metadata = JSONObject((given.metadata?.members ?? []).filter { $0.value != .null })
    let c = Customer(
      id: make(.customer), sourceID: sourceID, name: given.name, email: given.email, phone: given.phone,
      birthdate: given.birthdate, description: given.description, address: address, metadata: metadata,
      createdAt: now)
    addCustomer(c)
    emit("customer.created", entity: c.id, ["customer": .object(c.fullJSON)])
    return finish(c)
  }

  /// Voucherify's upsert by `source_id`: the customer with `sourceID` gets the `given` fields (`customer.updated`,
  /// none when nothing is given), or a new customer holds them (`customer.created`).
  public mutating func upsertCustomer(sourceID: String?, given: CustomerChanges, channel: EventChannel = .api)
    throws(VoucherifyError) -> Emitted<Customer>
  {
    guard let sourceID, let existing = try? customer(sourceID: sourceID) else {
      return createCustomer(sourceID: sourceID, given: given, channel: channel)
    }
    if given.isEmpty { return Emitted(existing, []) }
    return try editCustomer(existing.id, given, channel: channel)
  }
}
