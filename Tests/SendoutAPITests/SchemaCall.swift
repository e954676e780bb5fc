import Foundation

/// One valid call of a simulated operation, for `ResponseSchemaTests`: its path and body with `{name}` placeholders
/// filled from the ids known so far, the ids its answer adds (name ← dotted path in the answer), and the schema
/// failures known and reasoned (failure path ← why the answer may not match there).
struct SchemaCall: Sendable {
  let operation: String
  let path: String
  let body: String
  let keeps: [String: String]
  let known: [String: String]

  init(
    _ operation: String, _ path: String, body: String = "", keeps: [String: String] = [:],
    known: [String: String] = [:]
  ) {
    self.operation = operation
    self.path = path
    self.body = body
    self.keeps = keeps
    self.known = known
  }

  /// `text` with each `{name}` replaced by `ids[name]` (a name not in `ids` is left as it is, so the call fails).
  static func filled(_ text: String, _ ids: [String: String]) -> String {
    ids.reduce(text) { $0.replacingOccurrences(of: "{\($1.key)}", with: $1.value) }
  }
}
