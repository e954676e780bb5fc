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
  /// The last envelope body, reused while the same event is sent again (one event to many endpoints, or a load
  /// test cycling through a pool): one tree walk per event.
  private var last: LastBody?
  /// The buffer size to start a body with: the largest body so far (up to 64 KiB), so writing rarely regrows.
  private var sizeHint = 4096

  /// What identifies an event for the cache.
  private struct CacheKey: Equatable {
    var eventID: String
    var type: String
    var createdAt: Timestamp
  }

  /// An envelope body and where its parts are.
  private struct LastBody {
    var key: CacheKey
    /// The sendout's `created_at`.
    var createdAt: Timestamp
    var body: [UInt8]
    var id: Range<Int>
    var data: Range<Int>
    var event: Range<Int>
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
    let body = body(event, sendoutID: id, createdAt: createdAt)
    return Sendout(
      id: id, eventType: event.type, type: Envelope.typeName(of: event, endpoint: endpoint), source: endpoint.source,
      eventID: event.eventID, eventCreatedAt: event.createdAt, requestID: event.groupID, createdAt: createdAt,
      body: body, headers: headers(for: body))
  }

  /// What `withNext` lends: the next sendout's id and body, and how its request is signed and headed.
  public struct Lent {
    /// Every sendout's first header; the signature follows it when there is a signer, then `trailing` (the order
    /// of `headers(for:)`).
    public static let contentType = HTTPHeader("content-type", "application/json")
    /// The sendout id.
    public let id: String
    /// The body, valid only during the call.
    public let body: UnsafeRawBufferPointer
    /// The signer, `nil` when the endpoint has no secret.
    public let signer: VoucherifySignature?
    /// The endpoint's custom headers.
    public let trailing: [HTTPHeader]
  }

  /// Renders the next sendout of `event` exactly as `make` would (the same id, body and headers) and lends it to
  /// `use`, without making a `Sendout`: while `event` is the one rendered last, its last body is reused with the new
  /// id written over the old, so a load run allocates nothing here after each event's first request.
  public mutating func withNext<R>(_ event: WorldEvent, _ use: (Lent) -> R) -> R {
    let createdAt = event.createdAt.adding(milliseconds: sendoutDelayMilliseconds)
    let id = ids.make(.sendout, at: createdAt)
    let body = body(event, sendoutID: id, createdAt: createdAt)
    return body.withUnsafeBytes { use(Lent(id: id, body: $0, signer: signer, trailing: endpoint.headers)) }
  }

  private mutating func body(_ event: WorldEvent, sendoutID id: String, createdAt: Timestamp) -> [UInt8] {
    let isDistribution = endpoint.source.object == .distribution
    let purpose = isDistribution ? endpoint.purpose : nil
    guard isDistribution, let template = endpoint.template else {
      return envelopeBytes(event, purpose: purpose, sendoutID: id, createdAt: createdAt)
    }
    let designed = template.render(event.data(for: purpose))
    return writer.bytes(
      endpoint.rawPayload
        ? designed
        : Envelope.body(for: event, data: designed, sendoutID: id, endpoint: endpoint, createdAt: createdAt))
  }

  /// The bytes of `Envelope.body(…)`, written directly into one buffer (byte-identical: tested against the tree
  /// written by `JSONWriter`). The purpose's `data` and the `event` block are written from the event only when it
  /// changes; while the same event is sent again they are copied from the last body, or, when only the id differs
  /// and the new one is as long, the new id is written over the last body's.
  private mutating func envelopeBytes(
    _ event: WorldEvent, purpose: DistributionPurpose?, sendoutID: String, createdAt: Timestamp
  ) -> [UInt8] {
    let key = CacheKey(eventID: event.eventID, type: event.type, createdAt: event.createdAt)
    let isHit = last?.key == key  // read in place: a copy of `last` here would make the id's overwrite copy the body
    if isHit, last?.createdAt == createdAt, replaceLastID(with: sendoutID), let body = last?.body { return body }
    let hit = isHit ? last : nil
    var idRange = 0..<0
    var dataRange = 0..<0
    var eventRange = 0..<0
    let body = ByteBuffer.with(capacity: sizeHint) { out in
      out.append(#"{"id":"#)
      let idStart = out.count + 1
      JSONWriter.writeString(sendoutID, into: &out)
      idRange = idStart..<out.count - 1
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
    last = LastBody(key: key, createdAt: createdAt, body: body, id: idRange, data: dataRange, event: eventRange)
    return body
  }

  /// Writes `id` over the last body's id when it takes as many bytes and none needs escaping; whether it did. The
  /// body is copied first only while a `Sendout` made from it still holds it.
  private mutating func replaceLastID(with id: String) -> Bool {
    guard let range = last?.id else { return false }
    var id = id
    return id.withUTF8 { utf8 in
      guard let source = utf8.baseAddress, utf8.count == range.count,
        !JSONEscaping.needed(source, count: utf8.count)
      else { return false }
      last?.body.withUnsafeMutableBytes { body in
        UnsafeMutableRawBufferPointer(rebasing: body[range]).copyMemory(from: UnsafeRawBufferPointer(utf8))
      }
      return true
    }
  }

  /// `content-type`, then `x-voucherify-signature` when signed, then the endpoint's custom headers.
  public func headers(for body: [UInt8]) -> [HTTPHeader] {
    var headers: [HTTPHeader] = []
    headers.reserveCapacity(2 + endpoint.headers.count)
    headers.append(Lent.contentType)
    if let signer { headers.append(HTTPHeader(VoucherifySignature.headerName, signer.sign(body))) }
    headers.append(contentsOf: endpoint.headers)
    return headers
  }
}
