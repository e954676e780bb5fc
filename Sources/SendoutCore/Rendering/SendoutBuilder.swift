/// Turns world events into signed, ready-to-send `Sendout`s for one endpoint.
/// Deterministic: the same seed and events give byte-identical bodies and the same sendout ids.
public struct SendoutBuilder: Sendable {
  /// The endpoint every sendout goes to.
  public let endpoint: WebhookEndpoint
  /// How long after the event Voucherify creates the sendout (a few hundred ms in the docs' examples).
  public var sendoutDelayMilliseconds: Int64 = 212

  private var ids: IDFactory
  private let signer: VoucherifySignature?
  private let writer = JSONWriter()

  /// A builder whose sendout ids are fixed by `seed`.
  public init(endpoint: WebhookEndpoint, seed: UInt64) {
    self.endpoint = endpoint
    ids = IDFactory(seed: seed ^ 0x5E4D_0A7)
    signer = endpoint.secret.map(VoucherifySignature.init(secret:))
  }

  /// The sendout for `event`: envelope around the purpose's `data` (or the distribution's designed payload,
  /// at the root when `rawPayload`), compact JSON, signed when there is a secret.
  public mutating func make(_ event: WorldEvent) -> Sendout {
    let createdAt = event.createdAt.adding(milliseconds: sendoutDelayMilliseconds)
    let id = ids.make(.sendout, at: createdAt)
    let isDistribution = endpoint.source.object == .distribution
    let data = event.data(for: isDistribution ? endpoint.purpose : nil)
    let body: [UInt8]
    if isDistribution, let template = endpoint.template {
      let designed = template.render(data)
      body = writer.bytes(
        endpoint.rawPayload
          ? designed
          : Envelope.body(for: event, data: designed, sendoutID: id, endpoint: endpoint, createdAt: createdAt))
    } else {
      body = writer.bytes(Envelope.body(for: event, data: .object(data), sendoutID: id, endpoint: endpoint, createdAt: createdAt))
    }
    return Sendout(
      id: id, eventType: event.type, type: Envelope.typeName(of: event, endpoint: endpoint), source: endpoint.source,
      eventID: event.eventID, eventCreatedAt: event.createdAt, requestID: event.groupID, createdAt: createdAt,
      body: body, headers: headers(for: body))
  }

  /// `content-type`, then `x-voucherify-signature` when signed, then the endpoint's custom headers.
  public func headers(for body: [UInt8]) -> [HTTPHeader] {
    var headers = [HTTPHeader("content-type", "application/json")]
    if let signer { headers.append(HTTPHeader(VoucherifySignature.headerName, signer.sign(body))) }
    return headers + endpoint.headers
  }
}
