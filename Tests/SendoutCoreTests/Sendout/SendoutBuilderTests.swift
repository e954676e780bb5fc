// swift-format-ignore-file: NeverForceUnwrap

// Test code: a force unwrap of a literal or a fixture is the clearest assertion that it is well-formed.
import SendoutCore
import Testing

@Suite struct SendoutBuilderTests {
  static let event = WorldEvent(
    type: "customer.publication.succeeded", createdAt: Timestamp(iso8601: "2024-03-13T13:46:48.136Z")!,
    eventID: "evcus_0e3070fef399b70b00", entityID: "cust_IdgAFZxYwwHctOk9pPuMu308", groupID: "v-0e2905d4bb0dcc9e62",
    channel: "USER_PORTAL", userID: "user_xyzfghSTprSTUVWXYlk6tuvXYst7FGH7",
    fullData: [
      "customer": ["id": "cust_IdgAFZxYwwHctOk9pPuMu308", "name": "Jack Webhook", "object": "customer"],
      "campaign": ["id": "camp_iRMdcq07g9W4dOSRXuTovupi", "object": "campaign"],
      "voucher": ["id": "v_ae1exRSLU9I4ncJjY5heHvVTE189Y3NB", "code": "SPRING-2024-osO", "object": "voucher"],
    ],
    purposeKeys: ["campaign": [.sendUniqueCodes, .notifyAboutPromotion], "voucher": [.sendUniqueCodes]])

  static func endpoint(_ kind: SendoutSource.Kind, template: PayloadTemplate? = nil, raw: Bool = false)
    -> WebhookEndpoint
  {
    WebhookEndpoint(
      projectID: "proj_TrlkLiH4",
      source: SendoutSource(
        id: kind == .webhook ? "wh_j56Vfy47Vx9YOX7QYD1fzHnc" : "distr_TrJj0lHV44EMt6HvLa2pyNlHTF", object: kind,
        targetURL: "https://example.com/hooks"),
      eventName: kind == .distribution ? "Code-published" : nil,
      purpose: kind == .distribution ? .notifyAboutPromotion : nil,
      secret: "secretKey", headers: [HTTPHeader("x-team", "growth")], template: template, rawPayload: raw)
  }

  @Test func projectWebhookEnvelopeHasVoucherifysKeysInOrder() throws {
    var builder = SendoutBuilder(endpoint: Self.endpoint(.webhook), seed: 1)
    let sendout = builder.make(Self.event)
    let body = try JSONParser.parse(sendout.body)
    #expect(body.objectValue?.keys == ["id", "project_id", "created_at", "type", "data", "source", "event"])
    #expect(body["id"]?.stringValue == sendout.id)
    #expect(sendout.id.hasPrefix("whs_") && sendout.id.count == 22)
    #expect(body["type"] == "customer.publication.succeeded")
    // As in both complete envelopes of the docs, the envelope's created_at is the event's.
    #expect(body["created_at"] == body.value(atPath: "event.created_at"))
    #expect(body["created_at"] == "2024-03-13T13:46:48.136Z")
    #expect(
      body["source"] == [
        "id": "wh_j56Vfy47Vx9YOX7QYD1fzHnc", "object": "webhook", "target_url": "https://example.com/hooks",
      ])
    #expect(
      body["event"]
        == [
          "id": "evcus_0e3070fef399b70b00", "type": "customer.publication.succeeded",
          "created_at": "2024-03-13T13:46:48.136Z", "entity_id": "cust_IdgAFZxYwwHctOk9pPuMu308",
          "group_id": "v-0e2905d4bb0dcc9e62",
          "event_source": ["channel": "USER_PORTAL", "user": ["id": "user_xyzfghSTprSTUVWXYlk6tuvXYst7FGH7"]],
        ])
    #expect(body["data"]?.objectValue?.keys == ["customer", "campaign", "voucher"])
    #expect(sendout.headers.map(\.name) == ["content-type", "x-voucherify-signature", "x-team"])
    #expect(sendout.headers[1].value == HMACSHA256(secret: "secretKey").hexMAC(sendout.body))
  }

  @Test func distributionTypeIsTheEventNameAndDataFollowsThePurpose() throws {
    var builder = SendoutBuilder(endpoint: Self.endpoint(.distribution), seed: 1)
    let body = try JSONParser.parse(builder.make(Self.event).body)
    #expect(body["type"] == "Code-published")
    #expect(body.value(atPath: "event.type") == "customer.publication.succeeded")
    #expect(body.value(atPath: "source.object") == "distribution")
    #expect(body["data"]?.objectValue?.keys == ["customer", "campaign"])
  }

  @Test func templateReplacesDataOrGoesToTheRootWhenRaw() throws {
    let template = try PayloadTemplate(parsing: #"{"To": "{{customer.name}}", "Code": "{{campaign.id}}"}"#)
    var wrapped = SendoutBuilder(endpoint: Self.endpoint(.distribution, template: template), seed: 1)
    let body = try JSONParser.parse(wrapped.make(Self.event).body)
    #expect(body["data"] == ["To": "Jack Webhook", "Code": "camp_iRMdcq07g9W4dOSRXuTovupi"])
    #expect(body.objectValue?.keys.count == 7)
    var raw = SendoutBuilder(endpoint: Self.endpoint(.distribution, template: template, raw: true), seed: 1)
    let rawSendout = raw.make(Self.event)
    #expect(
      String(decoding: rawSendout.body, as: UTF8.self)
        == #"{"To":"Jack Webhook","Code":"camp_iRMdcq07g9W4dOSRXuTovupi"}"#)
    #expect(rawSendout.headers[1].value == HMACSHA256(secret: "secretKey").hexMAC(rawSendout.body))
  }

  @Test func sameSeedSameBytesAndSendoutIDsAdvance() {
    var a = SendoutBuilder(endpoint: Self.endpoint(.webhook), seed: 9)
    var b = SendoutBuilder(endpoint: Self.endpoint(.webhook), seed: 9)
    let first = a.make(Self.event)
    #expect(first == b.make(Self.event))
    let second = a.make(Self.event)
    #expect(second.id != first.id)
    #expect(
      IDFactory.timestamp(ofTimeOrdered: second.id, prefix: "whs_") == Timestamp(iso8601: "2024-03-13T13:46:48.136Z"))
  }

  /// The direct envelope writer (data filtered for the purpose while it is written, the event block without a tree,
  /// the cache of the last body) against the envelope tree written by the plain reference writer, and the signature
  /// against the textbook HMAC: every event type, every place, several seeds.
  @Test func directEnvelopeBytesEqualTheWrittenTreeForEveryEventAndPlace() throws {
    for descriptor in EventCatalog.all where descriptor.isRenderable {
      for via in descriptor.configuredIn {
        for seed: UInt64 in [1, 3, 7, 40] {
          let (event, endpoint) = try SingleEventRequest(
            eventType: descriptor.type, via: via, seed: seed, secret: "secretKey"
          ).prepare()
          var builder = SendoutBuilder(endpoint: endpoint, seed: seed)
          for _ in 0..<2 {  // the second one comes from the cache
            let sendout = builder.make(event)
            let data = event.data(for: via == .distribution ? endpoint.purpose : nil)
            let tree = Envelope.body(
              for: event, data: .object(data), sendoutID: sendout.id, endpoint: endpoint, createdAt: sendout.createdAt)
            #expect(sendout.body == ReferenceJSONWriter.compact(tree), "\(descriptor.type) via \(via) seed \(seed)")
            #expect(sendout.headers[1].value == Self.textbookHMAC(key: Array("secretKey".utf8), sendout.body))
          }
        }
      }
    }
  }

  /// What `withNext` lends is what `make` returns, over a sequence that renders (a new event, a new delay), copies
  /// the last body's blocks and writes a new id over the last body; and a made sendout keeps its bytes when the
  /// next one is written over the body it shares.
  @Test func lentSendoutsEqualMadeOnesAndMadeBodiesStayPut() throws {
    let (other, _) = try SingleEventRequest(eventType: "voucher.published", via: .webhook, seed: 2).prepare()
    var made = SendoutBuilder(endpoint: Self.endpoint(.webhook), seed: 4)
    var lent = SendoutBuilder(endpoint: Self.endpoint(.webhook), seed: 4)
    var kept: [Sendout] = []
    for (step, event) in [Self.event, Self.event, Self.event, other, Self.event, Self.event].enumerated() {
      if step == 5 {
        made.sendoutDelayMilliseconds = 250
        lent.sendoutDelayMilliseconds = 250
      }
      let sendout = made.make(event)
      let (id, body, signature) = lent.withNext(event) { lent in
        (lent.id, Array(lent.body), lent.signer.map { $0.sign(Array(lent.body)) })
      }
      #expect(id == sendout.id && body == sendout.body, "step \(step)")
      #expect(signature == sendout.headers[1].value)
      kept.append(sendout)
    }
    for sendout in kept {
      let event = sendout.eventID == other.eventID ? other : Self.event
      let tree = Envelope.body(
        for: event, data: .object(event.data(for: DistributionPurpose?.none)), sendoutID: sendout.id,
        endpoint: Self.endpoint(.webhook),
        createdAt: sendout.createdAt)
      #expect(sendout.body == ReferenceJSONWriter.compact(tree))
    }
    #expect(Set(kept.map(\.id)).count == kept.count)
  }

  static func textbookHMAC(key: [UInt8], _ message: [UInt8]) -> String {
    let block = key + [UInt8](repeating: 0, count: 64 - key.count)
    let inner = SHA256.hash(block.map { $0 ^ 0x36 } + message)
    return Hex.encode(SHA256.hash(block.map { $0 ^ 0x5c } + inner))
  }
}
