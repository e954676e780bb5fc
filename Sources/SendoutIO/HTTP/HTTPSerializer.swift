import SendoutCore

/// Writes HTTP/1.1 messages: always with `content-length`, headers in the given order.
public enum HTTPSerializer {
  /// A request: `METHOD target HTTP/1.1`, `host`, the given headers, `content-length`, body.
  public static func request(
    method: String = "POST", target: String, host: String, headers: [HTTPHeader], body: [UInt8]
  ) -> [UInt8] {
    var out = Array("\(method) \(target) HTTP/1.1\r\nhost: \(host)\r\n".utf8)
    append(headers, bodyCount: body.count, to: &out)
    out += body
    return out
  }

  /// A response: status line, the given headers, `content-length`, `connection: close` when not keeping alive, body.
  /// For a `HEAD` request (`headOnly`) the head is the same, `content-length` included, but no body follows.
  public static func response(
    status: Int, headers: [HTTPHeader] = [], body: [UInt8] = [], keepAlive: Bool = true, headOnly: Bool = false
  ) -> [UInt8] {
    var out = Array("HTTP/1.1 \(status) \(reasonPhrase(status))\r\n".utf8)
    append(headers + (keepAlive ? [] : [HTTPHeader("connection", "close")]), bodyCount: body.count, to: &out)
    if !headOnly { out += body }
    return out
  }

  private static func append(_ headers: [HTTPHeader], bodyCount: Int, to out: inout [UInt8]) {
    for header in headers where !HTTPHead.sameName(header.name, "content-length") {
      out += header.name.utf8
      out += [0x3A, 0x20]  // ": "
      out += header.value.utf8
      out += [0x0D, 0x0A]
    }
    out += Array("content-length: \(bodyCount)\r\n\r\n".utf8)
  }

  /// The standard reason phrase for `status` (empty when unknown, which HTTP allows).
  public static func reasonPhrase(_ status: Int) -> String {
    switch status {
    case 200: "OK"
    case 201: "Created"
    case 202: "Accepted"
    case 204: "No Content"
    case 301: "Moved Permanently"
    case 302: "Found"
    case 400: "Bad Request"
    case 401: "Unauthorized"
    case 403: "Forbidden"
    case 404: "Not Found"
    case 405: "Method Not Allowed"
    case 408: "Request Timeout"
    case 410: "Gone"
    case 413: "Content Too Large"
    case 429: "Too Many Requests"
    case 431: "Request Header Fields Too Large"
    case 500: "Internal Server Error"
    case 501: "Not Implemented"
    case 502: "Bad Gateway"
    case 503: "Service Unavailable"
    case 504: "Gateway Timeout"
    default: ""
    }
  }
}
