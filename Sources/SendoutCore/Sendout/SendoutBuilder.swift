/// Turns world events into signed, ready-to-send `Sendout`s for one endpoint.
/// Deterministic: the same seed and events give byte-identical bodies and the same sendout ids.
public struct SendoutBuilder: Sendable {
  /// The endpoint every sendout goes to.
  public let endpoint: WebhookEndpoint
  /// How long after the event the sendout's `created_at` is: 0, as in both complete envelopes of the docs, where
  /// the envelope `created_at` equals `event.created_at`.
  public var sendoutDelayMilliseconds: Int64 = 0

  private var ids: IDFactory
  private let signer: VoucherifySignature?
  private let writer = JSONWriter()
  private let sourceBytes: [UInt8]
  /// The serialized `data` and `event` blocks of the last event, reused while the same event is sent again
  /// (one event to many endpoints, or a load test cycling through a pool): one tree walk per event.
  private var cache: (key: String, data: [UInt8], event: [UInt8])?

  /// A builder whose sendout ids are fixed by `seed`.
  public init(endpoint: WebhookEndpoint, seed: UInt64) {
    self.endpoint = endpoint
    ids = IDFactory(seed: seed ^ 0x5E4D_0A7)
    signer = endpoint.secret.map(VoucherifySignature.init(secret:))
    sourceBytes = JSONWriter().bytes(Envelope.source(endpoint.source))
  }

  /// The sendout for `event`: envelope around the purpose's `data` (or the distribution's designed payload,
  /// at the root when `rawPayload`), compact JSON, signed when there is a secret.
  public mutating func make(_ event: WorldEvent) -> Sendout {
    let createdAt = event.createdAt.adding(milliseconds: sendoutDelayMilliseconds)
    let id = ids.make(.sendout, at: createdAt)
    let isDistribution = endpoint.source.object == .distribution
    let purpose = isDistribution ? endpoint.purpose : nil
    let body: [UInt8]
    if isDistribution, let template = endpoint.template {
      let designed = template.render(event.data(for: purpose))
      body = writer.bytes(
        endpoint.rawPayload
          ? designed
          : Envelope.body(for: event, data: designed, sendoutID: id, endpoint: endpoint, createdAt: createdAt))
    } else {
      body = envelopeBytes(event, purpose: purpose, sendoutID: id, createdAt: createdAt)
    }
    return Sendout(
      id: id, eventType: event.type, type: Envelope.typeName(of: event, endpoint: endpoint), source: endpoint.source,
      eventID: event.eventID, eventCreatedAt: event.createdAt, requestID: event.groupID, createdAt: createdAt,
      body: body, headers: headers(for: body))
  }

  /// The bytes of `Envelope.body(…)`, written directly with the cached `data`/`event` blocks
  /// (byte-identical: tested against the tree written by `JSONWriter`). The purpose's `data` is filtered and
  /// written only when the event changes.
  private mutating func envelopeBytes(
    _ event: WorldEvent, purpose: DistributionPurpose?, sendoutID: String, createdAt: Timestamp
  ) -> [UInt8] {
    let key = event.eventID + "|" + event.type + "|" + String(event.createdAt.milliseconds)
    let dataBytes: [UInt8]
    let eventBytes: [UInt8]
    if let cached = cache, cached.key == key {
      (dataBytes, eventBytes) = (cached.1, cached.2)
    } else {
      (dataBytes, eventBytes) = (
        writer.bytes(.object(event.data(for: purpose))), writer.bytes(Envelope.eventBlock(event))
      )
      cache = (key, dataBytes, eventBytes)
    }
    var out: [UInt8] = []
    out.reserveCapacity(dataBytes.count + eventBytes.count + sourceBytes.count + 160)
    out.append(contentsOf: #"{"id":"#.utf8)
    JSONWriter.writeString(sendoutID, into: &out)
    out.append(contentsOf: #","project_id":"#.utf8)
    JSONWriter.writeString(endpoint.projectID, into: &out)
    out.append(contentsOf: #","created_at":"#.utf8)
    JSONWriter.writeString(createdAt.iso8601, into: &out)
    out.append(contentsOf: #","type":"#.utf8)
    JSONWriter.writeString(Envelope.typeName(of: event, endpoint: endpoint), into: &out)
    out.append(contentsOf: #","data":"#.utf8)
    out.append(contentsOf: dataBytes)
    out.append(contentsOf: #","source":"#.utf8)
    out.append(contentsOf: sourceBytes)
    out.append(contentsOf: #","event":"#.utf8)
    out.append(contentsOf: eventBytes)
    out.append(UInt8(ascii: "}"))
    return out
  }

  /// `content-type`, then `x-voucherify-signature` when signed, then the endpoint's custom headers.
  public func headers(for body: [UInt8]) -> [HTTPHeader] {
    var headers = [HTTPHeader("content-type", "application/json")]
    if let signer { headers.append(HTTPHeader(VoucherifySignature.headerName, signer.sign(body))) }
    return headers + endpoint.headers
  }
}
