/// Parses payload-designer templates: JSON plus `{{path}}` placeholders, unquoted (typed) or inside strings.
/// Scalars and string escapes are decoded by `JSONParser`, so a template's static parts follow JSON exactly.
struct TemplateParser {
  private let bytes: [UInt8]
  private var index = 0
  private var depth = 0
  /// Where `track` last stopped, so positions of successive strings cost linear time overall.
  private var cursor = (offset: 0, line: 1, column: 1)

  static func parse(_ bytes: [UInt8]) throws(TemplateError) -> PayloadTemplate.Node {
    var parser = TemplateParser(bytes: bytes)
    parser.skipWhitespace()
    let node = try parser.parseNode()
    parser.skipWhitespace()
    if parser.index < bytes.count { throw parser.error("Unexpected content after the template's value") }
    return node
  }

  private init(bytes: [UInt8]) { self.bytes = bytes }

  private mutating func parseNode() throws(TemplateError) -> PayloadTemplate.Node {
    guard index < bytes.count else { throw error("Unexpected end of template, expected a value") }
    switch bytes[index] {
    case UInt8(ascii: "{") where peek(at: index + 1) == UInt8(ascii: "{"):
      return .value(try parsePlaceholder())
    case UInt8(ascii: "{"): return try parseObject()
    case UInt8(ascii: "["): return try parseArray()
    case UInt8(ascii: "\""): return try parseString()
    default: return .literal(try parseScalar())
    }
  }

  private mutating func parseObject() throws(TemplateError) -> PayloadTemplate.Node {
    try enter()
    index += 1
    var members: [(String, PayloadTemplate.Node)] = []
    skipWhitespace()
    if peek(at: index) == UInt8(ascii: "}") {
      index += 1
      depth -= 1
      return .object(members)
    }
    while true {
      skipWhitespace()
      guard peek(at: index) == UInt8(ascii: "\"") else { throw error("Expected a quoted key") }
      let keyStart = index
      let keyEnd = try endOfString(from: index)
      guard case .string(let key) = try decodeJSON(keyStart..<keyEnd) else { throw error("Invalid key") }
      index = keyEnd
      skipWhitespace()
      guard peek(at: index) == UInt8(ascii: ":") else { throw error("Expected ':' after the key \"\(key)\"") }
      index += 1
      skipWhitespace()
      members.removeAll { $0.0 == key }
      members.append((key, try parseNode()))
      skipWhitespace()
      switch peek(at: index) {
      case UInt8(ascii: ","): index += 1
      case UInt8(ascii: "}"):
        index += 1
        depth -= 1
        return .object(members)
      default: throw error("Expected ',' or '}' after an object member")
      }
    }
  }

  private mutating func parseArray() throws(TemplateError) -> PayloadTemplate.Node {
    try enter()
    index += 1
    var nodes: [PayloadTemplate.Node] = []
    skipWhitespace()
    if peek(at: index) == UInt8(ascii: "]") {
      index += 1
      depth -= 1
      return .array(nodes)
    }
    while true {
      skipWhitespace()
      nodes.append(try parseNode())
      skipWhitespace()
      switch peek(at: index) {
      case UInt8(ascii: ","): index += 1
      case UInt8(ascii: "]"):
        index += 1
        depth -= 1
        return .array(nodes)
      default: throw error("Expected ',' or ']' after an array element")
      }
    }
  }

  /// A quoted string: decoded as JSON, then split on `{{path}}`.
  private mutating func parseString() throws(TemplateError) -> PayloadTemplate.Node {
    let start = index
    let end = try endOfString(from: index)
    guard case .string(let text) = try decodeJSON(start..<end) else { throw error("Invalid string") }
    let (line, column) = track(start)
    index = end
    var parts: [PayloadTemplate.TextPart] = []
    var rest = Substring(text)
    while let open = rest.range(of: "{{") {
      guard let close = rest[open.upperBound...].range(of: "}}") else {
        throw .syntax(line: line, column: column, reason: "Unclosed '{{' in string \"\(text)\"")
      }
      if open.lowerBound > rest.startIndex { parts.append(.text(String(rest[..<open.lowerBound]))) }
      let path = try checkedPath(String(rest[open.upperBound..<close.lowerBound]), line: line, column: column)
      parts.append(.placeholder(.init(path: path, line: line, column: column)))
      rest = rest[close.upperBound...]
    }
    if parts.isEmpty { return .literal(.string(text)) }
    if !rest.isEmpty { parts.append(.text(String(rest))) }
    return .text(parts)
  }

  private mutating func parsePlaceholder() throws(TemplateError) -> PayloadTemplate.Placeholder {
    let (line, column) = track(index)
    index += 2
    let start = index
    while index + 1 < bytes.count, !(bytes[index] == UInt8(ascii: "}") && bytes[index + 1] == UInt8(ascii: "}")) {
      index += 1
    }
    guard index + 1 < bytes.count else { throw .syntax(line: line, column: column, reason: "Unclosed '{{'") }
    let path = try checkedPath(String(decoding: bytes[start..<index], as: UTF8.self), line: line, column: column)
    index += 2
    return .init(path: path, line: line, column: column)
  }

  private func checkedPath(_ raw: String, line: Int, column: Int) throws(TemplateError) -> String {
    let path = raw.trimmingSpaces
    let valid =
      !path.isEmpty
      && path.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { part in
        !part.isEmpty
          && part.utf8.allSatisfy {
            $0 == 95 || $0 == 45 || (48...57).contains($0) || (65...90).contains($0) || (97...122).contains($0)
          }
      }
    guard valid else {
      throw .syntax(
        line: line, column: column, reason: "Invalid placeholder {{\(raw)}}: expected a dotted path like customer.name")
    }
    return path
  }

  private mutating func parseScalar() throws(TemplateError) -> JSON {
    let start = index
    while index < bytes.count, !",]} \t\r\n".utf8.contains(bytes[index]) { index += 1 }
    guard start < index else { throw error("Expected a value") }
    return try decodeJSON(start..<index)
  }

  /// Decodes one JSON token, mapping its error position back into the template.
  private func decodeJSON(_ range: Range<Int>) throws(TemplateError) -> JSON {
    do { return try JSONParser.parse(Array(bytes[range])) } catch {
      let (line, column) = position(of: range.lowerBound + max(0, error.column - 1))
      throw .syntax(line: line, column: column, reason: error.reason)
    }
  }

  private func endOfString(from start: Int) throws(TemplateError) -> Int {
    var i = start + 1
    while i < bytes.count {
      if bytes[i] == UInt8(ascii: "\\") {
        i += 2
        continue
      }
      if bytes[i] == UInt8(ascii: "\"") { return i + 1 }
      i += 1
    }
    let (line, column) = position(of: start)
    throw .syntax(line: line, column: column, reason: "Unterminated string")
  }

  private mutating func enter() throws(TemplateError) {
    depth += 1
    if depth > JSONParser.maxDepth { throw error("Nesting deeper than \(JSONParser.maxDepth) levels") }
  }

  private mutating func skipWhitespace() {
    while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
  }

  private func peek(at i: Int) -> UInt8? { i < bytes.count ? bytes[i] : nil }

  /// The position of `offset`, counting on from the previous call (offsets only grow while parsing).
  private mutating func track(_ offset: Int) -> (Int, Int) {
    guard offset >= cursor.offset else { return position(of: offset) }
    var (line, column) = (cursor.line, cursor.column)
    for byte in bytes[cursor.offset..<min(offset, bytes.count)] {
      if byte == 0x0A {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
    }
    cursor = (offset, line, column)
    return (line, column)
  }

  private func position(of offset: Int) -> (Int, Int) {
    var line = 1
    var column = 1
    for byte in bytes[..<min(offset, bytes.count)] {
      if byte == 0x0A {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
    }
    return (line, column)
  }

  private func error(_ reason: String) -> TemplateError {
    let (line, column) = position(of: index)
    let found: String
    if index >= bytes.count {
      found = " at end of template"
    } else if bytes[index] >= 0x20 && bytes[index] < 0x7F {
      found = " at '\(Character(Unicode.Scalar(bytes[index])))'"
    } else {
      found = " at byte 0x\(String(bytes[index], radix: 16, uppercase: true))"
    }
    return .syntax(line: line, column: column, reason: reason + found)
  }
}
