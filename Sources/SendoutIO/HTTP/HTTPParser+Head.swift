import CByteScan
import SendoutCore

extension HTTPParser {
  /// Parses the head if it is complete; sets up body framing. Returns `false` when more bytes are needed.
  mutating func parseHead() throws(HTTPParseError) -> Bool {
    // Tolerate empty lines between keep-alive messages (RFC 9112 §2.2).
    while buffer.count - position >= 2, buffer[position] == 0x0D, buffer[position + 1] == 0x0A { position += 2 }
    let (from, kind, limits) = (max(position, scanFrom - 3), kind, limits)
    let found = buffer.withUnsafeBufferPointer { Self.headEnd(in: $0, from: from) }
    guard let end = found else {
      scanFrom = buffer.count
      if buffer.count - position > limits.maxHeadBytes { throw .headTooLarge(limit: limits.maxHeadBytes) }
      return false
    }
    guard end + 4 - position <= limits.maxHeadBytes else { throw .headTooLarge(limit: limits.maxHeadBytes) }
    let headStart = position
    let head = try buffer.withUnsafeBufferPointer { (bytes) throws(HTTPParseError) -> HTTPHead in
      try Self.head(bytes[headStart..<end], kind: kind, limits: limits)
    }
    position = end + 4
    scanFrom = position
    self.head = head
    body = []
    let framing = FramingFields(head)
    try setUpBody(head, framing)
    if kind == .request, framing.expect?.lowercased() == "100-continue", state != .body(remaining: 0) {
      continueRequested = true
    }
    return true
  }

  /// The fields that frame a message, found in one pass over the head: the parser reads them of every message.
  private struct FramingFields {
    /// The first `content-length` value, how many such fields there are, and whether any value is a list.
    var contentLength: String?
    var contentLengthFields = 0
    var contentLengthList = false
    var transferEncoding = false
    var expect: String?

    init(_ head: HTTPHead) {
      for header in head.headers {  // sameName compares lengths first: most names cost three integer compares
        if HTTPHead.sameName(header.name, "content-length") {
          if contentLength == nil { contentLength = header.value }
          contentLengthFields += 1
          contentLengthList = contentLengthList || header.value.utf8.contains(UInt8(ascii: ","))
        } else if HTTPHead.sameName(header.name, "transfer-encoding") {
          transferEncoding = true
        } else if expect == nil, HTTPHead.sameName(header.name, "expect") {
          expect = header.value
        }
      }
    }

    /// Every `content-length` value, comma-separated lists split and trimmed; the usual single field without a comma
    /// as it is (the parser already trimmed it).
    func contentLengths(_ head: HTTPHead) -> [String] {
      if contentLengthFields == 1, !contentLengthList, let contentLength { return [contentLength] }
      return head.values("content-length").flatMap { $0.split(separator: ",").map { String($0).trimmed(of: " \t") } }
    }
  }

  /// Where the first CRLFCRLF at or after `from` starts, or `nil`.
  private static func headEnd(in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
    var i = from
    while i + 3 < bytes.count {
      if bytes[i + 3] != 0x0A {
        i += bytes[i + 3] == 0x0D ? 1 : 4  // no CRLFCRLF can end at i+3, nor start before i+4 unless i+3 is CR
      } else if bytes[i] == 0x0D && bytes[i + 1] == 0x0A && bytes[i + 2] == 0x0D {
        return i
      } else {
        i += 1
      }
    }
    return nil
  }

  /// The start line and header fields of `lines` (the head without its final CRLFCRLF), checked. Works on the
  /// buffer's bytes in place: no line array, no retained slices.
  private static func head(_ lines: Slice<UnsafeBufferPointer<UInt8>>, kind: Kind, limits: HTTPLimits)
    throws(HTTPParseError) -> HTTPHead
  {
    var lineStart = lines.startIndex
    var lineEnd = nextCRLF(in: lines, from: lineStart)
    let (startLine, minor) = try parseStartLine(lines[lineStart..<lineEnd], kind: kind)
    var headers: [HTTPHeader] = []
    headers.reserveCapacity(8)
    while lineEnd < lines.endIndex {
      lineStart = lineEnd + 2
      lineEnd = nextCRLF(in: lines, from: lineStart)
      let line = lines[lineStart..<lineEnd]
      guard headers.count < limits.maxHeaderCount else { throw .headTooLarge(limit: limits.maxHeadBytes) }
      guard let first = line.first, first != 0x20, first != 0x09 else { throw .malformed("obsolete line folding") }
      guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex else {
        throw .malformed("header line without a name and colon")
      }
      let name = line[line.startIndex..<colon]
      guard name.allSatisfy(isTokenByte) else { throw .malformed("invalid header name") }
      var valueStart = colon + 1
      var valueEnd = line.endIndex
      while valueStart < valueEnd, lines[valueStart] == 0x20 || lines[valueStart] == 0x09 { valueStart += 1 }
      while valueEnd > valueStart, lines[valueEnd - 1] == 0x20 || lines[valueEnd - 1] == 0x09 { valueEnd -= 1 }
      headers.append(
        HTTPHeader(
          String(decoding: name, as: UTF8.self), String(decoding: lines[valueStart..<valueEnd], as: UTF8.self)))
    }
    return HTTPHead(startLine: startLine, minorVersion: minor, headers: headers)
  }

  /// The index of the next CRLF in `bytes` at or after `from`, or its end.
  private static func nextCRLF(in bytes: Slice<UnsafeBufferPointer<UInt8>>, from: Int) -> Int {
    guard let base = bytes.base.baseAddress, from < bytes.endIndex else { return bytes.endIndex }
    return sendout_find_crlf(base, from, bytes.endIndex)
  }

  private mutating func setUpBody(_ head: HTTPHead, _ framing: FramingFields) throws(HTTPParseError) {
    if let status = head.status, (100..<200).contains(status) || status == 204 || status == 304 || nextResponseIsToHEAD
    {
      state = .body(remaining: 0)
      return
    }
    if framing.transferEncoding {
      guard framing.contentLengthFields == 0 else { throw .malformed("both transfer-encoding and content-length") }
      let transferEncodings = head.values("transfer-encoding")
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
    if framing.contentLengthFields > 0 {
      let lengths = framing.contentLengths(head)
      guard let first = lengths.first, lengths.allSatisfy({ $0 == first }), !first.isEmpty,
        first.utf8.allSatisfy({ (48...57).contains($0) }), first.count <= 15, let length = Int(first)
      else { throw .malformed("invalid content-length '\(TerminalText.escape(lengths.joined(separator: ",")))'") }
      guard length <= limits.maxBodyBytes else { throw .bodyTooLarge(limit: limits.maxBodyBytes) }
      state = .body(remaining: length)
      return
    }
    state = kind == .request ? .body(remaining: 0) : .untilClose
  }

  private static func parseStartLine(_ line: Slice<UnsafeBufferPointer<UInt8>>, kind: Kind)
    throws(HTTPParseError) -> (HTTPHead.StartLine, Int)
  {
    // The line split at its first two spaces (the third part keeps any further ones), without an array of parts.
    let firstSpace = line.firstIndex(of: 0x20) ?? line.endIndex
    let secondSpace =
      firstSpace == line.endIndex ? line.endIndex : line[(firstSpace + 1)...].firstIndex(of: 0x20) ?? line.endIndex
    let first = line[line.startIndex..<firstSpace]
    let second = line[min(firstSpace + 1, line.endIndex)..<secondSpace]
    let third: Slice<UnsafeBufferPointer<UInt8>>? =
      secondSpace == line.endIndex ? nil : line[(secondSpace + 1)...]
    func version(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) throws(HTTPParseError) -> Int {
      let b = UnsafeBufferPointer(rebasing: bytes)
      if b.count == 8, b[0] == 0x48, b[1] == 0x54, b[2] == 0x54, b[3] == 0x50, b[4] == 0x2F, b[5] == 0x31, b[6] == 0x2E,
        b[7] == 0x31 || b[7] == 0x30
      {
        return Int(b[7] - 0x30)  // "HTTP/1.1" or "HTTP/1.0"
      }
      let text = String(decoding: bytes.prefix(20), as: UTF8.self)
      throw .malformed("unsupported version '\(TerminalText.escape(text))'")
    }
    switch kind {
    case .request:
      guard let third, !first.isEmpty, first.allSatisfy(isTokenByte), !second.isEmpty else {
        throw .malformed("bad request line '\(TerminalText.escape(String(decoding: line.prefix(60), as: UTF8.self)))'")
      }
      let minor = try version(third)
      return (
        .request(method: String(decoding: first, as: UTF8.self), target: String(decoding: second, as: UTF8.self)),
        minor
      )
    case .response:
      guard firstSpace < line.endIndex, let status = statusCode(second) else {
        throw .malformed("bad status line '\(TerminalText.escape(String(decoding: line.prefix(60), as: UTF8.self)))'")
      }
      let minor = try version(first)
      let reason = third.map { String(decoding: $0, as: UTF8.self) } ?? ""
      return (.response(status: status, reason: reason), minor)
    }
  }

  /// A status code: exactly three digits, 100–599 (`-99`, `+20`, `099`, `600` are malformed).
  static func statusCode<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Int? {
    guard bytes.count == 3, bytes.allSatisfy({ (48...57).contains($0) }) else { return nil }
    let value = bytes.reduce(0) { $0 * 10 + Int($1) - 48 }
    return (100...599).contains(value) ? value : nil
  }

  /// RFC 9110 `tchar`: letters, digits and ``!#$%&'*+-.^_`|~``; bit `b` of the two masks is byte `b` (0–63, 64–127).
  static func isTokenByte(_ b: UInt8) -> Bool {
    let low: UInt64 = 0x03ff_6cfa_0000_0000
    let high: UInt64 = 0x57ff_ffff_c7ff_fffe
    return b < 64 ? low >> b & 1 == 1 : b < 128 && high >> (b - 64) & 1 == 1
  }
}
