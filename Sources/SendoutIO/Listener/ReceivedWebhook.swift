import SendoutCore

/// One request the listener received, what it made of it, and how it answered.
public struct ReceivedWebhook: Sendable, Equatable {
  /// The request method (`POST` for webhooks).
  public var method: String
  /// The request target, e.g. `/webhooks`.
  public var target: String
  /// The headers as received.
  public var headers: [HTTPHeader]
  /// The body bytes, exactly as received (chunked framing removed).
  public var body: [UInt8]
  /// Whether the body arrived chunked.
  public var wasChunked: Bool
  /// When the request was complete.
  public var receivedAt: Timestamp
  /// The signature verdict.
  public var signature: SignatureCheck
  /// `event.type` (or the top-level `type`) from the JSON body, if any.
  public var eventType: String?
  /// The top-level `id` (`whs_…`) from the JSON body, if any.
  public var sendoutID: String?
  /// The status the listener answered with.
  public var respondedStatus: Int
  /// Where the answer came from when not from the listener itself (`listen --forward-to`: the application's answer,
  /// or why it could not be reached); shown at the end of `line`.
  public var note: String?

  /// Inspects a request: parses the body as JSON for the event type and sendout id, checks the signature with `secret`.
  public init(message: HTTPMessage, secret: String?, receivedAt: Timestamp, respondedStatus: Int) {
    self.init(
      message: message, signer: secret.map(VoucherifySignature.init(secret:)), receivedAt: receivedAt,
      respondedStatus: respondedStatus)
  }

  /// Inspects a request with a signer made once (the listener's); with `readsFields` off (`listen --quiet`, which
  /// shows no event type or id) the body is not scanned and `eventType` and `sendoutID` stay `nil`.
  init(
    message: HTTPMessage, signer: VoucherifySignature?, receivedAt: Timestamp, respondedStatus: Int,
    readsFields: Bool = true
  ) {
    method = message.head.method ?? ""
    target = message.head.target ?? ""
    headers = message.head.headers
    body = message.body
    wasChunked = message.wasChunked
    self.receivedAt = receivedAt
    self.respondedStatus = respondedStatus
    if !readsFields {
      eventType = nil
      sendoutID = nil
    } else if let fields = WebhookFieldScanner.scan(message.body) {  // the common case, without building the tree
      eventType = fields.eventType ?? fields.type
      sendoutID = fields.id
    } else {
      let json = try? JSONParser.parse(message.body)
      eventType = json?.value(atPath: "event.type")?.stringValue ?? json?["type"]?.stringValue
      sendoutID = json?["id"]?.stringValue
    }
    if let given = message.head.value(VoucherifySignature.headerName) {
      signature = signer.map { $0.verify(given, body: message.body) ? .valid : .invalid } ?? .unchecked
    } else {
      signature = .absent
    }
  }

  /// The value of header `name` (case-insensitive).
  public func header(_ name: String) -> String? {
    let lower = name.lowercased()
    return headers.first { $0.name.lowercased() == lower }?.value
  }

  /// One line for the terminal: time, method and path, event type, sendout id, signature, size, answer.
  /// Every field from the network is passed through `TerminalText.escape`, so a hostile request cannot
  /// send escape sequences to the terminal.
  ///
  /// `13:45:00.212  POST /webhooks  customer.publication.succeeded  whs_0a1b…  signature valid  2614 B  → 200`
  ///
  /// Written into one string: the listener prints one a request, and an array of parts joined took 7 % of its time.
  public var line: String {
    var out = String(decoding: receivedAt.iso8601.utf8.dropFirst(11).prefix(12), as: UTF8.self)
    out.reserveCapacity(96 + target.utf8.count + (note?.utf8.count ?? 0))
    out += "  "
    out += TerminalText.escape(method)
    out += " "
    out += TerminalText.escape(target)
    out += "  "
    out += eventType.map(TerminalText.escape) ?? "(no event type)"
    out += "  "
    out += sendoutID.map(TerminalText.escape) ?? "(no sendout id)"
    out += "  signature "
    out += signature.rawValue
    out += "  "
    out += String(body.count)
    out += " B  → "
    out += String(respondedStatus)
    if let note {
      out += " "
      out += TerminalText.escape(note)
    }
    return out
  }

  /// One JSON object for `listen --json`: the fields of `line`, the headers and the body as a string.
  public var json: JSON {
    var o = JSONObject()
    o.append("received_at", .string(receivedAt.iso8601))
    o.append("method", .string(method))
    o.append("path", .string(target))
    o.append("event_type", eventType.map(JSON.string) ?? .null)
    o.append("sendout_id", sendoutID.map(JSON.string) ?? .null)
    o.append("signature", .string(signature.rawValue))
    o.append("size", .int(body.count))
    o.append("chunked", .bool(wasChunked))
    o.append("status", .int(respondedStatus))
    if let note { o.append("note", .string(note)) }
    // Authorization-like values are redacted: a receiver shows that they arrived, never what they are.
    o.append("headers", CustomHeader.redactedJSON(headers.map { HTTPHeader($0.name.lowercased(), $0.value) }))
    o.append("body", .string(String(decoding: body, as: UTF8.self)))
    return .object(o)
  }
}
