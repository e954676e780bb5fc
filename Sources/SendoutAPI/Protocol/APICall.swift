import SendoutCore

/// One call to the mock API as the journal keeps it: when it was applied, what was asked, and which keys it
/// carried (their kinds, never their values: no secret is written to the state file). Replaying the calls in
/// order with the same seed rebuilds the same world.
package struct APICall: Sendable {
  /// The clock when it was applied.
  package var at: Timestamp
  /// The method.
  package var method: String
  /// The request target, path and query.
  package let target: String
  /// The path without the query (every call asks for it several times: routing, the admin prefix, the call log).
  package let path: String
  /// The body.
  package var body: [UInt8]
  /// The kinds of keys it carried.
  package var authorized: Set<APIOperation.Auth>
  /// The status it was answered with, as the journal recorded it; `nil` before it is answered.
  package var status: Int?

  /// The query string, without `?`.
  package var query: Substring {
    target.utf8.firstIndex(of: UInt8(ascii: "?")).map { target[target.index(after: $0)...] } ?? ""
  }

  /// The journal record of the call, answered with `status`.
  package func line(status: Int) -> [UInt8] {
    var o = JSONObject()
    o.append("at", .string(at.iso8601))
    o.append("method", .string(method))
    o.append("target", .string(target))
    o.append("body", .string(String(decoding: body, as: UTF8.self)))
    o.append("auth", .array(authorized.map(\.rawValue).sorted().map(JSON.string)))
    o.append("status", .int(status))
    return JSONWriter().bytes(.object(o))
  }

  /// A journal line read back; `nil` when it is not one.
  package init?(line: [UInt8]) {
    guard let json = try? JSONParser.parse(line), let at = json["at"]?.stringValue.flatMap(Timestamp.init(iso8601:)),
      let method = json["method"]?.stringValue, let target = json["target"]?.stringValue,
      let body = json["body"]?.stringValue
    else { return nil }
    self.init(
      at: at, method: method, target: target, body: Array(body.utf8),
      authorized: Set((json["auth"]?.arrayValue ?? []).compactMap { $0.stringValue.flatMap(APIOperation.Auth.init) }))
    status = json["status"]?.intValue
  }

  package init(at: Timestamp, method: String, target: String, body: [UInt8], authorized: Set<APIOperation.Auth>) {
    self.at = at
    self.method = method
    self.target = target
    path = target.utf8.firstIndex(of: UInt8(ascii: "?")).map { String(target[..<$0]) } ?? target
    self.body = body
    self.authorized = authorized
  }
}
