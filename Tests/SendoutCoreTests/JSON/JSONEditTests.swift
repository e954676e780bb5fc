import SendoutCore
import Testing

@Suite struct JSONEditTests {
  let body: JSON = ["id": "whs_1", "data": ["customer": ["email": "a@b.c"], "items": [["q": 1], ["q": 2]]]]

  @Test func setParsesTheValueAsJSONOrElseText() throws {
    #expect(
      try JSONEdit.parse(set: "data.order.amount=12900") == .set(path: ["data", "order", "amount"], value: 12900))
    #expect(try JSONEdit.parse(set: "a=dev@example.com") == .set(path: ["a"], value: "dev@example.com"))
    #expect(try JSONEdit.parse(set: "a=\"12\"") == .set(path: ["a"], value: "12"))
    #expect(try JSONEdit.parse(set: "a=null") == .set(path: ["a"], value: .null))
    #expect(try JSONEdit.parse(set: "a={\"b\":[true]}") == .set(path: ["a"], value: ["b": [true]]))
    #expect(try JSONEdit.parse(set: "a=x=y") == .set(path: ["a"], value: "x=y"))
    #expect(throws: JSONEditError.noValue("data.id")) { try JSONEdit.parse(set: "data.id") }
    #expect(throws: JSONEditError.badPath("data..id")) { try JSONEdit.parse(unset: "data..id") }
  }

  @Test func setReplacesInPlaceKeepingKeyOrderAndIndexesArrays() throws {
    let edited = try JSONEdit.apply(
      [try JSONEdit.parse(set: "data.customer.email=dev@example.com"), try JSONEdit.parse(set: "data.items.1.q=5")],
      to: body)
    #expect(edited.value(atPath: "data.customer.email") == "dev@example.com")
    #expect(edited.value(atPath: "data.items.1.q") == 5)
    #expect(edited.objectValue?.keys == ["id", "data"])
  }

  @Test func unsetRemovesKeysAndArrayElements() throws {
    let edited = try JSONEdit.apply(
      [.unset(path: ["data", "customer", "email"]), .unset(path: ["data", "items", "0"])], to: body)
    #expect(edited.value(atPath: "data.customer")?.objectValue?.keys == [])
    #expect(edited.value(atPath: "data.items") == [["q": 2]])
  }

  @Test func aMissingPathNamesTheNearestExistingParentUnlessSetNew() throws {
    let edit = try JSONEdit.parse(set: "data.customer.address.city=Warsaw")
    #expect(
      throws: JSONEditError.missing(
        path: ["data", "customer", "address", "city"], parent: ["data", "customer"], keys: ["email"])
    ) {
      try JSONEdit.apply([edit], to: body)
    }
    let message = JSONEditError.missing(
      path: ["data", "customer", "address", "city"], parent: ["data", "customer"], keys: ["email"]
    ).message
    #expect(message.contains("'data.customer' has no key 'address'") && message.contains("--set-new"))
    let created = try JSONEdit.apply([edit], to: body, createMissing: true)
    #expect(created.value(atPath: "data.customer.address.city") == "Warsaw")
    #expect(throws: JSONEditError.outOfRange(5, parent: ["data", "items"], count: 2)) {
      try JSONEdit.apply([try JSONEdit.parse(set: "data.items.5.q=1")], to: body, createMissing: true)
    }
    #expect(throws: JSONEditError.notAContainer(parent: ["data", "customer", "email"], type: "string")) {
      try JSONEdit.apply([try JSONEdit.parse(set: "data.customer.email.x=1")], to: body)
    }
    #expect(throws: JSONEditError.notAnIndex("first", parent: ["data", "items"], count: 2)) {
      try JSONEdit.apply([.unset(path: ["data", "items", "first"])], to: body)
    }
  }

  @Test func editingARenderedBodyToItsOwnValueKeepsEveryByteAndTheSignature() throws {
    for type in ["voucher.published", "customer.order.paid", "redemption.succeeded", "customer.rewarded"] {
      let plain = try SingleEventRequest(eventType: type, secret: "s").sendout()
      let id = try #require(try JSONParser.parse(plain.body)["id"]?.stringValue)
      var request = SingleEventRequest(eventType: type, secret: "s")
      request.edits = [try JSONEdit.parse(set: "id=\(id)")]
      let same = try request.sendout()
      #expect(same.body == plain.body, "\(type)")
      #expect(same.headers == plain.headers)
    }
  }

  @Test func theSignatureIsOverTheEditedBytes() throws {
    var request = SingleEventRequest(eventType: "voucher.published", secret: "s")
    request.edits = [try JSONEdit.parse(set: "data.voucher.code=EDITED-1")]
    let sendout = try request.sendout()
    #expect(String(decoding: sendout.body, as: UTF8.self).contains("\"code\":\"EDITED-1\""))
    let signature = sendout.headers.first { $0.name == VoucherifySignature.headerName }?.value
    #expect(signature == VoucherifySignature(secret: "s").sign(sendout.body))
  }

  @Test func aCustomBodyIsSentAsWrittenWithAFreshIDAndItsType() throws {
    let bytes = Array("{\"type\": \"ping\",\n \"n\": 1}".utf8)
    let one = try SingleEventRequest(eventType: "custom", seed: 1, secret: "s").sendout(customBody: bytes)
    let two = try SingleEventRequest(eventType: "custom", seed: 2, secret: "s").sendout(customBody: bytes)
    #expect(one.body == bytes && one.eventType == "ping" && one.type == "ping")
    #expect(one.id.hasPrefix("whs_") && one.id != two.id)
    #expect(
      one.headers.contains(HTTPHeader(VoucherifySignature.headerName, VoucherifySignature(secret: "s").sign(bytes))))
    let untyped = try SingleEventRequest(eventType: "custom").sendout(customBody: Array("[1,2]".utf8))
    #expect(untyped.eventType == "custom")
    #expect(throws: RenderError.self) {
      try SingleEventRequest(eventType: "custom").sendout(customBody: Array("{".utf8))
    }
  }
}
