import SendoutCore

/// Hand-made `Sendout` values for delivery tests (rendering is tested elsewhere): a compact JSON body
/// in the v2024-01-01 envelope shape, signed when a secret is given.
public enum TestSendouts {
  /// A sendout with id `whs_…n`, event `customer.publication.succeeded`, to `url`.
  public static func make(
    _ n: Int = 1, to url: String = "http://127.0.0.1:9/webhooks", secret: String? = nil,
    via kind: SendoutSource.Kind = .webhook, sourceID: String? = nil,
    eventType: String = "customer.publication.succeeded",
    headers extra: [HTTPHeader] = [], padding: Int = 0
  ) -> Sendout {
    let id = "whs_0a1b2c3d4e5" + String(String(n, radix: 16).suffix(7)).leftPadded(to: 7)
    let source = SendoutSource(
      id: sourceID ?? (kind == .webhook ? "wh_TestWebhook0000000001" : "distr_TestDistribution00001"), object: kind,
      targetURL: url)
    let created = Timestamp(milliseconds: 1_710_337_500_000 + Int64(n))
    let type = kind == .webhook ? eventType : "customer-publication-succeeded"
    var envelope = JSONObject()
    envelope.append("id", .string(id))
    envelope.append("project_id", "proj_TestProject0001")
    envelope.append("created_at", .string(created.iso8601))
    envelope.append("type", .string(type))
    envelope.append(
      "data",
      [
        "customer": ["id": "cust_Test0001", "name": "Ada Lovelace"],
        "padding": .string(String(repeating: "x", count: padding)),
      ])
    envelope.append("source", ["id": .string(source.id), "object": .string(kind.rawValue), "target_url": .string(url)])
    envelope.append(
      "event",
      [
        "id": .string("evcus_\(n)"), "type": .string(eventType), "created_at": .string(created.iso8601),
        "group_id": "v-0a1b2c3d4e5f6a7b",
      ])
    let body = JSON.object(envelope).compactBytes
    var headers = [HTTPHeader("content-type", "application/json")]
    if let secret {
      headers.append(HTTPHeader(VoucherifySignature.headerName, VoucherifySignature(secret: secret).sign(body)))
    }
    return Sendout(
      id: id, eventType: eventType, type: type, source: source, eventID: "evcus_\(n)", eventCreatedAt: created,
      requestID: "v-0a1b2c3d4e5f6a7b", createdAt: created, body: body, headers: headers + extra)
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
