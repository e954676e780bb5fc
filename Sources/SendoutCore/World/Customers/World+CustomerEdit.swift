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
    if let city = changes.city { c.address.city = city }
    if let state = changes.state { c.address.state = state }
    if let line1 = changes.line1 { c.address.line1 = line1 }
    if let country = changes.country { c.address.country = country }
    if let postalCode = changes.postalCode { c.address.postalCode = postalCode }
    for m in changes.metadata?.members ?? [] { c.metadata[m.key] = m.value == .null ? nil : m.value }
    c.updatedAt = now
    customers[i] = c
    emit("customer.updated", entity: id, ["customer": .object(c.fullJSON)])
    return finish(c)
  }
}
