/// A strict RFC 8259 parser that keeps object key order and reports `line:column` on error.
/// Nesting depth and input size are bounded, so hostile input fails cleanly instead of overflowing. A repeated key
/// keeps its first position and its last value, as Node's `JSON.parse` (Voucherify's stack) does, in linear time.
public struct JSONParser {
  /// Deepest nesting accepted.
  public static let maxDepth = 512

  private let bytes: [UInt8]
  private var index = 0
  private var depth = 0

  /// Parses one JSON value (surrounding whitespace allowed).
  public static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSON {
    var parser = JSONParser(bytes: bytes)
    parser.skipWhitespace()
    let value = try parser.parseValue()
    parser.skipWhitespace()
    if parser.index < bytes.count { throw parser.error("Unexpected \(parser.describeCurrent()) after the JSON value") }
    return value
  }

  /// Parses one JSON value from text.
  public static func parse(_ text: String) throws(JSONParseError) -> JSON { try parse(Array(text.utf8)) }

  private init(bytes: [UInt8]) { self.bytes = bytes }

  private mutating func parseValue() throws(JSONParseError) -> JSON {
    guard index < bytes.count else { throw error("Unexpected end of input, expected a value") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try parseObject()
    case UInt8(ascii: "["): return try parseArray()
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
    case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
    case UInt8(ascii: "n"): try expectLiteral("null"); return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
    default: throw error("Unexpected \(describeCurrent()), expected a value")
    }
  }

  private mutating func enter() throws(JSONParseError) {
    depth += 1
    if depth > JSONParser.maxDepth { throw error("Nesting deeper than \(JSONParser.maxDepth) levels") }
  }

  private mutating func parseObject() throws(JSONParseError) -> JSON {
    try enter()
    index += 1
    var members: [JSONMember] = []
    skipWhitespace()
    if peek(UInt8(ascii: "}")) {
      index += 1
      depth -= 1
      return .object(JSONObject())
    }
    while true {
      skipWhitespace()
      guard peek(UInt8(ascii: "\"")) else { throw error("Expected a string key, found \(describeCurrent())") }
      let key = try parseString()
      skipWhitespace()
      guard peek(UInt8(ascii: ":")) else {
        throw error("Expected ':' after the key \"\(key)\", found \(describeCurrent())")
      }
      index += 1
      skipWhitespace()
      let value = try parseValue()
      members.append(JSONMember(key, value))
      skipWhitespace()
      if peek(UInt8(ascii: ",")) {
        index += 1
      } else if peek(UInt8(ascii: "}")) {
        index += 1
        depth -= 1
        return .object(JSONObject(members))  // a repeated key: first position, last value, in linear time
      } else {
        throw error("Expected ',' or '}' after an object member, found \(describeCurrent())")
      }
    }
  }

  private mutating func parseArray() throws(JSONParseError) -> JSON {
    try enter()
    index += 1
    var elements: [JSON] = []
    skipWhitespace()
    if peek(UInt8(ascii: "]")) {
      index += 1
      depth -= 1
      return .array(elements)
    }
    while true {
      skipWhitespace()
      elements.append(try parseValue())
      skipWhitespace()
      if peek(UInt8(ascii: ",")) {
        index += 1
      } else if peek(UInt8(ascii: "]")) {
        index += 1
        depth -= 1
        return .array(elements)
      } else {
        throw error("Expected ',' or ']' after an array element, found \(describeCurrent())")
      }
    }
  }

  private mutating func parseString() throws(JSONParseError) -> String {
    let start = index
    index += 1
    var out: [UInt8] = []
    var runStart = index
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        out.append(contentsOf: bytes[runStart..<index])
        index += 1
        guard let s = String(validating: out, as: UTF8.self) else {
          index = start
          throw error("String is not valid UTF-8")
        }
        return s
      }
      if byte < 0x20 { throw error("Control character U+00\(hex2(byte)) must be escaped in a string") }
      if byte == UInt8(ascii: "\\") {
        out.append(contentsOf: bytes[runStart..<index])
        try parseEscape(into: &out)
        runStart = index
        continue
      }
      index += 1
    }
    index = start
    throw error("Unterminated string")
  }

  private mutating func parseEscape(into out: inout [UInt8]) throws(JSONParseError) {
    index += 1
    guard index < bytes.count else { throw error("Unterminated escape sequence") }
    let c = bytes[index]
    index += 1
    switch c {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(c)
    case UInt8(ascii: "b"): out.append(0x08)
    case UInt8(ascii: "f"): out.append(0x0C)
    case UInt8(ascii: "n"): out.append(0x0A)
    case UInt8(ascii: "r"): out.append(0x0D)
    case UInt8(ascii: "t"): out.append(0x09)
    case UInt8(ascii: "u"):
      var scalar = try parseHex4()
      if (0xD800..<0xDC00).contains(scalar) {
        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
          throw error("Lone high surrogate \\u\(String(scalar, radix: 16))")
        }
        index += 2
        let low = try parseHex4()
        guard (0xDC00..<0xE000).contains(low) else { throw error("Invalid low surrogate \\u\(String(low, radix: 16))") }
        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
      } else if (0xDC00..<0xE000).contains(scalar) {
        throw error("Lone low surrogate \\u\(String(scalar, radix: 16))")
      }
      guard let decoded = Unicode.Scalar(scalar) else { throw error("Invalid escape \\u\(String(scalar, radix: 16))") }
      out.append(contentsOf: Array(String(Character(decoded)).utf8))
    default:
      index -= 1
      throw error("Invalid escape '\\\(Character(Unicode.Scalar(c)))'")
    }
  }

  private mutating func parseHex4() throws(JSONParseError) -> UInt32 {
    guard index + 4 <= bytes.count else { throw error("Expected four hex digits after \\u") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let c = bytes[index]
      let digit: UInt8
      switch c {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = c - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = c - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = c - UInt8(ascii: "A") + 10
      default: throw error("Expected a hex digit in \\u escape, found \(describeCurrent())")
      }
      value = value << 4 | UInt32(digit)
      index += 1
    }
    return value
  }

  private mutating func parseNumber() throws(JSONParseError) -> JSON {
    let start = index
    if peek(UInt8(ascii: "-")) { index += 1 }
    guard index < bytes.count, isDigit(bytes[index]) else {
      throw error("Expected a digit, found \(describeCurrent())")
    }
    if bytes[index] == UInt8(ascii: "0") {
      index += 1
      if index < bytes.count, isDigit(bytes[index]) { throw error("Leading zeros are not allowed in numbers") }
    } else {
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }
    var integral = true
    if peek(UInt8(ascii: ".")) {
      integral = false
      index += 1
      guard index < bytes.count, isDigit(bytes[index]) else {
        throw error("Expected a digit after '.', found \(describeCurrent())")
      }
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }
    if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
      integral = false
      index += 1
      if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { index += 1 }
      guard index < bytes.count, isDigit(bytes[index]) else {
        throw error("Expected a digit in the exponent, found \(describeCurrent())")
      }
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    if integral, let i = Int(text) { return .int(i) }
    guard let d = Double(text), d.isFinite else {
      index = start
      throw error(
        "Number \(text.count > 40 ? text.prefix(40) + "…" : text) is out of range: JSON numbers must fit a 64-bit double"
      )
    }
    return .double(d)
  }

  private mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
    let expected = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
    for byte in expected {
      guard index < bytes.count, bytes[index] == byte else {
        throw error("Unexpected \(describeCurrent()), expected '\(literal)'")
      }
      index += 1
    }
  }

  private mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D: index += 1
      default: return
      }
    }
  }

  private func peek(_ byte: UInt8) -> Bool { index < bytes.count && bytes[index] == byte }
  private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
  private func hex2(_ byte: UInt8) -> String {
    let s = String(byte, radix: 16, uppercase: true)
    return s.count == 1 ? "0" + s : s
  }

  private func describeCurrent() -> String {
    guard index < bytes.count else { return "end of input" }
    let byte = bytes[index]
    if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
    return "byte 0x\(hex2(byte))"
  }

  private func error(_ reason: String) -> JSONParseError {
    var line = 1
    var column = 1
    for byte in bytes[..<min(index, bytes.count)] {
      if byte == 0x0A {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
    }
    return JSONParseError(line: line, column: column, reason: reason)
  }
}
