/// Custom webhook headers: parsing `name: value`, Voucherify's name rule, and which values are secret.
public enum CustomHeader {
  /// Names HTTP framing owns: the transport sets them, so neither a custom header nor an audit record may.
  public static let framingNames = ["content-length", "transfer-encoding", "host", "connection"]

  /// Names Sendout sets itself or HTTP framing owns; custom headers may not use them.
  public static let reservedNames = ["content-type", VoucherifySignature.headerName] + framingNames

  /// Parses `name: value` (spaces around either part are trimmed) and checks the name.
  public static func parse(_ text: String) throws(DeliveryError) -> HTTPHeader {
    guard let colon = text.firstIndex(of: ":") else { throw .invalidHeader(text) }
    let name = String(text[..<colon]).trimmingSpaces
    let value = String(text[text.index(after: colon)...]).trimmingSpaces
    try validate(name: name)
    try validate(value: value, name: name)
    return HTTPHeader(name, value)
  }

  /// Throws if `value` holds a control character other than tab: CR or LF would inject headers.
  public static func validate(value: String, name: String) throws(DeliveryError) {
    guard value.utf8.allSatisfy({ $0 == 0x09 || ($0 >= 0x20 && $0 != 0x7F) }) else {
      throw .invalidHeaderValue(name: name, value: value)
    }
  }

  /// Throws unless `name` is non-empty lowercase letters, digits and dashes and not reserved.
  public static func validate(name: String) throws(DeliveryError) { try validate(name: name, reserved: reservedNames) }

  /// Throws unless `header`, read back from an audit record, may be sent again: a name `--header` would accept
  /// (Sendout's own `content-type` and signature allowed, framing names not) and a value without control characters.
  /// A hand-edited or hostile log can hold anything; a CR or LF in a name or value would inject request headers.
  public static func validate(recorded header: HTTPHeader) throws(DeliveryError) {
    try validate(name: header.name, reserved: framingNames)
    try validate(value: header.value, name: header.name)
  }

  private static func validate(name: String, reserved: [String]) throws(DeliveryError) {
    guard !name.isEmpty, name.utf8.allSatisfy({ (97...122).contains($0) || (48...57).contains($0) || $0 == 45 }) else {
      throw .invalidHeaderName(name)
    }
    guard !reserved.contains(name) else { throw .reservedHeaderName(name) }
  }

  /// Whether a header's value must never be written to the audit log: authorization-like names
  /// (`authorization`, `proxy-authorization`, `cookie`, or containing `auth`, `token`, `secret`,
  /// `password`, `passwd`, `key`, `session`, `credential`).
  ///
  /// `x-voucherify-signature` is not secret: it is an HMAC of a body that is logged anyway, and
  /// keeping it lets `retry` resend the exact request without the secret.
  public static func isSensitive(name: String) -> Bool {
    let n = name.lowercased()
    if n == VoucherifySignature.headerName { return false }
    if ["cookie", "set-cookie"].contains(n) { return true }
    return ["auth", "token", "secret", "password", "passwd", "key", "session", "credential"].contains { n.contains($0) }
  }

  /// What a malformed `--header` shows of itself in an error: the leading name when a space follows it
  /// (`authorization Bearer …` → `authorization …`), else only its length, so a value typed without
  /// its colon, or a bare token, is never printed.
  public static func shownInError(_ text: String) -> String {
    let trimmed = text.trimmingSpaces
    let name = trimmed.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    if !name.isEmpty, name.count <= 40, let next = trimmed.dropFirst(name.count).first, next == " " || next == "\t" {
      return "'\(name) …' (value not shown)"
    }
    return "of \(trimmed.count) characters (not shown)"
  }

  /// The value written in place of a sensitive header's value.
  public static let redactedValue = "[redacted]"

  /// `headers` with every sensitive value replaced by `redactedValue`.
  public static func redacted(_ headers: [HTTPHeader]) -> [HTTPHeader] {
    headers.map { isSensitive(name: $0.name) ? HTTPHeader($0.name, redactedValue) : $0 }
  }

  /// `headers` as a JSON object for output (`render --request`, dry runs, `listen --json`), sensitive values
  /// redacted: output shows that a header was there, never what it was.
  public static func redactedJSON(_ headers: [HTTPHeader]) -> JSON {
    .object(JSONObject(redacted(headers).map { JSONMember($0.name, .string($0.value)) }))
  }
}
