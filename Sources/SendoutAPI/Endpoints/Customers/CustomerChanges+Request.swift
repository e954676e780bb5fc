import SendoutCore

extension CustomerChanges {
  /// The profile fields of the customer object at `prefix` in `request`'s body (`""`: the body itself, as `POST`
  /// and `PUT /v1/customers` send it; `"customer."`: a redemption's or order's customer). `birthday` is read as
  /// `birthdate` when that is not given.
  init(_ request: APIRequest, at prefix: String = "") {
    self.init()
    name = request.string(at: prefix + "name")
    email = request.string(at: prefix + "email")
    phone = request.string(at: prefix + "phone")
    birthdate = request.string(at: prefix + "birthdate") ?? request.string(at: prefix + "birthday")
    description = request.string(at: prefix + "description")
    city = request.string(at: prefix + "address.city")
    state = request.string(at: prefix + "address.state")
    line1 = request.string(at: prefix + "address.line_1")
    country = request.string(at: prefix + "address.country")
    postalCode = request.string(at: prefix + "address.postal_code")
    metadata = request.object(at: prefix + "metadata")
  }
}
