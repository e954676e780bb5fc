/// Small constructors that keep the renderers compact: optional values become `null`, times become ISO-8601.
extension JSON {
  /// A string, or `null`.
  static func str(_ s: String?) -> JSON { s.map { .string($0) } ?? .null }
  /// An integer, or `null`.
  static func num(_ i: Int?) -> JSON { i.map { .int($0) } ?? .null }
  /// An ISO-8601 millisecond timestamp, or `null`.
  static func time(_ t: Timestamp?) -> JSON { t.map { .string($0.iso8601) } ?? .null }
  /// A calendar date (`YYYY-MM-DD`), or `null`.
  static func day(_ t: Timestamp?) -> JSON { t.map { .string(String($0.iso8601.prefix(10))) } ?? .null }
  /// An array of strings.
  static func strings(_ a: [String]) -> JSON { .array(a.map { .string($0) }) }
}

extension JSONObject {
  /// Appends `key` only when `value` is not `nil` (for keys the schema does not allow to be `null`).
  mutating func put(_ key: String, _ value: JSON?) {
    if let value { self[key] = value }
  }

  /// A copy with `key` set (appended when new, replaced in place otherwise).
  func with(_ key: String, _ value: JSON) -> JSONObject {
    var copy = self
    copy[key] = value
    return copy
  }
}

extension Timestamp {
  /// This time moved by whole days.
  func adding(days: Int) -> Timestamp { adding(milliseconds: Int64(days) * 86_400_000) }
}
