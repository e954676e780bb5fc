/// What the receiver answered to one attempt, as its audit record keeps it: the response headers (sensitive values
/// redacted as request headers are) and the first 4 KiB of the body, so an "HTTP 400" comes with its reason (the
/// audit log's `response` object: `{headers[{name,value}], body, body_bytes}`).
public struct ReceiverAnswer: Sendable, Equatable {
  /// How many bytes of a response body are kept.
  public static let maxBodyBytes = 4096
  /// The longest first line `firstLine` gives, in characters.
  public static let maxLineCharacters = 100

  /// The response headers, names lowercased, sensitive values redacted.
  public var headers: [HTTPHeader]
  /// The first `maxBodyBytes` bytes of the body as text (invalid UTF-8, e.g. a binary body, becomes U+FFFD).
  public var body: String
  /// The whole body's length in bytes (more than `maxBodyBytes` when the body was cut).
  public var bodyBytes: Int

  /// An answer from its parts; `headers` are redacted.
  public init(headers: [HTTPHeader], body: String, bodyBytes: Int) {
    self.headers = CustomHeader.redacted(headers)
    self.body = body
    self.bodyBytes = bodyBytes
  }

  /// What to keep of `response`; each of `secrets` (the request's sensitive header values), and each word of 8 or more
  /// characters in one (the token of `Bearer TOKEN`), is redacted wherever it shows, so a receiver that echoes the
  /// request back cannot put a credential in the log.
  public init(_ response: TransportResponse, secrets: [String]) {
    let words = secrets.flatMap { $0.split(separator: " ").map(String.init).filter { $0.count >= 8 } }
    let hidden = Set(secrets.filter { $0.count >= 4 } + words).sorted { $0.count > $1.count }  // whole values first
    func redact(_ text: String) -> String {
      hidden.reduce(text) { $0.contains($1) ? $0.replacing($1, with: CustomHeader.redactedValue) : $0 }
    }
    self.init(
      headers: response.headers.map { HTTPHeader($0.name, redact($0.value)) },
      body: redact(String(decoding: response.body.prefix(Self.maxBodyBytes), as: UTF8.self)),
      bodyBytes: response.body.count)
  }

  /// Whether the body was longer than what is kept.
  public var isTruncated: Bool { bodyBytes > Self.maxBodyBytes }

  /// The body's first non-blank line, trimmed and capped at `maxLineCharacters` ("…" when cut), for a terminal
  /// line after the status; `nil` for a blank body. Control characters are left for `TerminalText.escape`.
  public var firstLine: String? {
    let lines = body.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
    guard let line = lines.lazy.map({ String($0).trimmingSpaces }).first(where: { !$0.isEmpty }) else { return nil }
    return line.count > Self.maxLineCharacters ? line.prefix(Self.maxLineCharacters - 1) + "…" : line
  }

  /// The audit log's `response` object.
  public var json: JSON {
    var o = JSONObject()
    o.append("headers", .array(headers.map { ["name": .string($0.name), "value": .string($0.value)] }))
    o.append("body", .string(body))
    o.append("body_bytes", .int(bodyBytes))
    return .object(o)
  }

  /// Reads a `response` object back; the error names what is wrong.
  public init(json: JSON) throws(AuditLogError.Field) {
    guard case .object = json, let body = json["body"]?.stringValue,
      let bytes = json["body_bytes"]?.intValue, bytes >= 0, let items = json["headers"]?.arrayValue
    else {
      throw AuditLogError.Field(key: "response", expected: "an object {headers, body, body_bytes}")
    }
    var headers: [HTTPHeader] = []
    for item in items {
      guard let name = item["name"]?.stringValue, let value = item["value"]?.stringValue else {
        throw AuditLogError.Field(key: "response.headers", expected: "an array of {name, value} strings")
      }
      headers.append(HTTPHeader(name, value))
    }
    self.init(headers: headers, body: body, bodyBytes: bytes)
  }
}
