import SendoutCore

extension HTTPParser {
  /// Parses the head if it is complete; sets up body framing. Returns `false` when more bytes are needed.
  mutating func parseHead() throws(HTTPParseError) -> Bool {
    // Tolerate empty lines between keep-alive messages (RFC 9112 §2.2).
    while buffer.count - position >= 2, buffer[position] == 0x0D, buffer[position + 1] == 0x0A { position += 2 }
    var i = max(position, scanFrom - 3)
    var end: Int?
    while i + 3 < buffer.count {
      if buffer[i] == 0x0D && buffer[i + 1] == 0x0A && buffer[i + 2] == 0x0D && buffer[i + 3] == 0x0A {
        end = i
        break
      }
      i += 1
    }
    guard let end else {
      scanFrom = buffer.count
      if buffer.count - position > limits.maxHeadBytes { throw .headTooLarge(limit: limits.maxHeadBytes) }
      return false
    }
    guard end + 4 - position <= limits.maxHeadBytes else { throw .headTooLarge(limit: limits.maxHeadBytes) }
    let lines = split(buffer[position..<end])
    position = end + 4
    scanFrom = position
    guard let first = lines.first else { throw .malformed("empty start line") }
    let (startLine, minor) = try parseStartLine(first)
    var headers: [HTTPHeader] = []
    for line in lines.dropFirst() {
      guard headers.count < limits.maxHeaderCount else { throw .headTooLarge(limit: limits.maxHeadBytes) }
      guard let first = line.first, first != 0x20, first != 0x09 else { throw .malformed("obsolete line folding") }
      guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex else {
        throw .malformed("header line without a name and colon")
      }
      let name = line[line.startIndex..<colon]
      guard name.allSatisfy(Self.isTokenByte) else { throw .malformed("invalid header name") }
      var value = line[(colon + 1)...].drop { $0 == 0x20 || $0 == 0x09 }
      while let l = value.last, l == 0x20 || l == 0x09 { value = value.dropLast() }
      headers.append(HTTPHeader(String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self)))
    }
    let head = HTTPHead(startLine: startLine, minorVersion: minor, headers: headers)
    self.head = head
    body = []
    try setUpBody(head)
    if kind == .request, head.value("expect")?.lowercased() == "100-continue", state != .body(remaining: 0) {
      continueRequested = true
    }
    return true
  }

  private mutating func setUpBody(_ head: HTTPHead) throws(HTTPParseError) {
    let transferEncodings = head.values("transfer-encoding")
    let lengths = head.values("content-length").flatMap {
      $0.split(separator: ",").map { String($0).trimmed(of: " \t") }
    }
    if let status = head.status, (100..<200).contains(status) || status == 204 || status == 304 || nextResponseIsToHEAD
    {
      state = .body(remaining: 0)
      return
    }
    if !transferEncodings.isEmpty {
      guard lengths.isEmpty else { throw .malformed("both transfer-encoding and content-length") }
      let codings = transferEncodings.joined(separator: ",").lowercased().split(separator: ",").map {
        String($0).trimmed(of: " \t")
      }
      guard codings == ["chunked"] else {
        throw .unsupportedTransferEncoding(transferEncodings.joined(separator: ", "))
      }
      chunked = true
      state = .chunkSize
      return
    }
    if let first = lengths.first {
      guard lengths.allSatisfy({ $0 == first }), !first.isEmpty, first.utf8.allSatisfy({ (48...57).contains($0) }),
        first.count <= 15, let length = Int(first)
      else { throw .malformed("invalid content-length '\(TerminalText.escape(lengths.joined(separator: ",")))'") }
      guard length <= limits.maxBodyBytes else { throw .bodyTooLarge(limit: limits.maxBodyBytes) }
      state = .body(remaining: length)
      return
    }
    state = kind == .request ? .body(remaining: 0) : .untilClose
  }

  private func parseStartLine(_ line: ArraySlice<UInt8>) throws(HTTPParseError) -> (HTTPHead.StartLine, Int) {
    let parts = line.split(separator: 0x20, maxSplits: 2, omittingEmptySubsequences: false)
    func version(_ bytes: ArraySlice<UInt8>) throws(HTTPParseError) -> Int {
      let text = String(decoding: bytes, as: UTF8.self)
      switch text {
      case "HTTP/1.1": return 1
      case "HTTP/1.0": return 0
      default: throw .malformed("unsupported version '\(TerminalText.escape(String(text.prefix(20))))'")
      }
    }
    switch kind {
    case .request:
      guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(Self.isTokenByte), !parts[1].isEmpty else {
        throw .malformed("bad request line '\(TerminalText.escape(String(decoding: line.prefix(60), as: UTF8.self)))'")
      }
      let minor = try version(parts[2])
      return (
        .request(method: String(decoding: parts[0], as: UTF8.self), target: String(decoding: parts[1], as: UTF8.self)),
        minor
      )
    case .response:
      guard parts.count >= 2, let status = Self.statusCode(parts[1]) else {
        throw .malformed("bad status line '\(TerminalText.escape(String(decoding: line.prefix(60), as: UTF8.self)))'")
      }
      let minor = try version(parts[0])
      let reason = parts.count == 3 ? String(decoding: parts[2], as: UTF8.self) : ""
      return (.response(status: status, reason: reason), minor)
    }
  }

  /// A status code: exactly three digits, 100–599 (`-99`, `+20`, `099`, `600` are malformed).
  static func statusCode(_ bytes: ArraySlice<UInt8>) -> Int? {
    guard bytes.count == 3, bytes.allSatisfy({ (48...57).contains($0) }) else { return nil }
    let value = bytes.reduce(0) { $0 * 10 + Int($1) - 48 }
    return (100...599).contains(value) ? value : nil
  }

  private func split(_ bytes: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
    var lines: [ArraySlice<UInt8>] = []
    var start = bytes.startIndex
    var i = bytes.startIndex
    while i + 1 < bytes.endIndex {
      if bytes[i] == 0x0D && bytes[i + 1] == 0x0A {
        lines.append(bytes[start..<i])
        start = i + 2
        i += 2
      } else {
        i += 1
      }
    }
    lines.append(bytes[start..<bytes.endIndex])
    return lines
  }

  static func isTokenByte(_ b: UInt8) -> Bool {
    switch b {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"):
      true
    case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
      UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
      UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
      true
    default: false
    }
  }
}
