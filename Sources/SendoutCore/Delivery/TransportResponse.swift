/// What came back: the status, headers (names lowercased) and body.
public struct TransportResponse: Sendable, Equatable {
  /// The HTTP status code.
  public var status: Int
  /// Response headers, names lowercased.
  public var headers: [HTTPHeader]
  /// The response body (receivers' bodies are ignored by Voucherify, kept for diagnostics).
  public var body: [UInt8]
  /// Something odd about a response that still counts by its status, e.g. a 2xx whose gzip body was not decoded
  /// (`undecodedBodyNote`); recorded in the audit record's `error` field of a `SUCCESS`.
  public var note: String?

  /// Creates a response.
  public init(status: Int, headers: [HTTPHeader] = [], body: [UInt8] = [], note: String? = nil) {
    self.status = status
    self.headers = headers
    self.body = body
    self.note = note
  }

  /// Whether Voucherify counts this as delivered: any 2xx.
  public var isSuccess: Bool { (200...299).contains(status) }

  /// The note of a 2xx whose body came with a `content-encoding` other than `identity` (we ask for `identity`): the
  /// body is not decoded — it may well be corrupt — and the 2xx counts, as Voucherify ignores response bodies.
  /// `nil` for any other response. Every transport notes it with this one text.
  public static func undecodedBodyNote(status: Int, contentEncoding: String?) -> String? {
    guard (200...299).contains(status), let coding = contentEncoding, !coding.isEmpty,
      coding.lowercased() != "identity"
    else { return nil }
    return "body not decoded (content-encoding '\(TerminalText.escape(coding))'); the 2xx counts"
  }

  /// The first value of header `name` (case-insensitive).
  public func header(_ name: String) -> String? {
    let lower = name.lowercased()
    return headers.first { $0.name.lowercased() == lower }?.value
  }
}
