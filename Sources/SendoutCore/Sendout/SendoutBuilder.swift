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
  /// The last body and where its `data` and `event` blocks are, reused while the same event is sent again
  /// (one event to many endpoints, or a load test cycling through a pool): one tree walk per event.
  private var cache: (key: CacheKey, body: [UInt8], data: Range<Int>, event: Range<Int>)?
  /// The buffer size to start a body with: the largest body so far (up to 64 KiB), so writing rarely regrows.
  private var sizeHint = 4096

  /// What identifies an event for the cache.
  private struct CacheKey: Equatable {
    var eventID: String
    var type: String
    var createdAt: Timestamp
  }

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

  /// The bytes of `Envelope.body(…)`, written directly into one buffer (byte-identical: tested against the tree
  /// written by `JSONWriter`). The purpose's `data` and the `event` block are written from the event only when it
  /// changes; while the same event is sent again they are copied from the last body.
  private mutating func envelopeBytes(
    _ event: WorldEvent, purpose: DistributionPurpose?, sendoutID: String, createdAt: Timestamp
  ) -> [UInt8] {
    let key = CacheKey(eventID: event.eventID, type: event.type, createdAt: event.createdAt)
    let hit = cache.flatMap { $0.key == key ? $0 : nil }
    var dataRange = 0..<0
    var eventRange = 0..<0
    let body = ByteBuffer.with(capacity: sizeHint) { out in
      out.append(#"{"id":"#)
      JSONWriter.writeString(sendoutID, into: &out)
      out.append(#","project_id":"#)
      JSONWriter.writeString(endpoint.projectID, into: &out)
      out.append(#","created_at":"#)
      Envelope.writeTimestamp(createdAt, into: &out)
      out.append(#","type":"#)
      JSONWriter.writeString(Envelope.typeName(of: event, endpoint: endpoint), into: &out)
      out.append(#","data":"#)
      let dataStart = out.count
      if let hit {
        hit.body.withUnsafeBytes { out.append(UnsafeRawBufferPointer(rebasing: $0[hit.data])) }
      } else {
        event.writeData(for: purpose, into: &out)
      }
      dataRange = dataStart..<out.count
      out.append(#","source":"#)
      out.append(sourceBytes)
      out.append(#","event":"#)
      let eventStart = out.count
      if let hit {
        hit.body.withUnsafeBytes { out.append(UnsafeRawBufferPointer(rebasing: $0[hit.event])) }
      } else {
        Envelope.writeEventBlock(event, into: &out)
      }
      eventRange = eventStart..<out.count
      out.append(UInt8(ascii: "}"))
      return out.array
    }
    sizeHint = min(max(sizeHint, body.count + 256), 1 << 16)
    cache = (key, body, dataRange, eventRange)
    return body
  }

  /// `content-type`, then `x-voucherify-signature` when signed, then the endpoint's custom headers.
  public func headers(for body: [UInt8]) -> [HTTPHeader] {
    var headers: [HTTPHeader] = []
    headers.reserveCapacity(2 + endpoint.headers.count)
    headers.append(HTTPHeader("content-type", "application/json"))
    if let signer { headers.append(HTTPHeader(VoucherifySignature.headerName, signer.sign(body))) }
    headers.append(contentsOf: endpoint.headers)
    return headers
  }
}
