import Foundation
import SendoutCore

/// `listen --forward-to URL`: each arrival sent on to the application with the same method, body bytes and headers
/// (hop-by-hop ones, `host` and `content-length` rewritten for the new hop), and the application's answer (status,
/// headers, body) given back to the sender, like Stripe CLI's `listen --forward-to`. When the application cannot be
/// reached or does not answer within the timeout, the sender gets 502 with a JSON body saying why. It runs on the
/// listener's thread (plain sockets, no URLSession), so arrivals are forwarded one at a time, in order.
public struct ArrivalForwarder: Sendable {
  /// Where arrivals go, as given.
  public let url: String
  /// How long the application may take to answer (default 10 s, as Voucherify waits).
  public var timeoutMilliseconds: Int64
  private let target: LoadTarget

  /// A forwarder to `url`, a plain `http://` URL (host names resolved); anything else is refused with the reason.
  public init(url: String, timeoutMilliseconds: Int64 = 10_000) throws(LoadTargetError) {
    self.url = url
    self.timeoutMilliseconds = timeoutMilliseconds
    target = try LoadTarget.parse(url).get()
  }

  /// Headers that belong to one hop (RFC 9110 §7.6.1), and the two the new hop's framing sets.
  static let hopByHop: Set<String> = [
    "connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "proxy-connection", "te", "trailer",
    "transfer-encoding", "upgrade", "host", "content-length",
  ]

  /// `headers` without hop-by-hop ones, nor those the `connection` header names.
  static func endToEnd(_ headers: [HTTPHeader]) -> [HTTPHeader] {
    let named = headers.filter { $0.name.lowercased() == "connection" }.flatMap {
      $0.value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    }
    return headers.filter { !hopByHop.contains($0.name.lowercased()) && !named.contains($0.name.lowercased()) }
  }

  /// The application's answer to `message`, and a note for the listener's line (`← app` or why it failed).
  public func forward(_ message: HTTPMessage) -> (reply: HTTPReply, note: String) {
    let bytes = HTTPSerializer.request(
      method: message.head.method ?? "POST", target: target.path, host: target.hostHeader,
      headers: Self.endToEnd(message.head.headers), body: message.body)
    let connection = SocketConnectionPool.shared.take(target)
    defer { SocketConnectionPool.shared.put(connection) }
    switch connection.exchange(bytes, timeoutMilliseconds: timeoutMilliseconds, isCancelled: { false }) {
    case .success(let answer):
      let reply = HTTPReply(status: answer.status, headers: Self.endToEnd(answer.headers), body: answer.body)
      return (reply, "(the application's answer)")
    case .failure(let error):
      let reason = "sendout listen could not forward to \(TargetURL.withoutPassword(url)): \(error.reason)"
      let body: JSON = ["error": .string(reason)]
      let reply = HTTPReply(
        status: 502, headers: [HTTPHeader("content-type", "application/json")], body: body.compactBytes)
      return (reply, "(forward failed: \(error.reason))")
    }
  }
}
