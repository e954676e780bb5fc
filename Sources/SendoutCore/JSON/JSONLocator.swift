/// Where each member and element of a JSON text starts, by its dotted path (`steps.3.redeem`, as scenario errors
/// name fields), as `line:column` counted like `JSONParser`'s errors (1-based; a column is a character): so a
/// message about a field can point at it in the file. Reads text `JSONParser` accepted; anything else ends early.
public struct JSONLocator {
  private let bytes: [UInt8]
  private var index = 0
  private var offsets: [String: Int] = [:]

  /// The position of every path of `bytes` (a member: its key's opening quote; an element: its first character).
  public static func positions(of bytes: [UInt8]) -> [String: (line: Int, column: Int)] {
    var locator = JSONLocator(bytes: bytes)
    locator.value(at: "", depth: 0)
    return locator.lineColumns()
  }

  private init(bytes: [UInt8]) { self.bytes = bytes }

  private mutating func value(at path: String, depth: Int) {
    skipWhitespace()
    guard index < bytes.count, depth <= JSONParser.maxDepth else { return }
    switch bytes[index] {
    case UInt8(ascii: "{"):
      index += 1
      while skipWhitespace(), index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
        let start = index
        skipString()
        let key = (try? JSONParser.parse(Array(bytes[start..<index])))?.stringValue ?? ""
        let child = path.isEmpty ? key : path + "." + key
        if offsets[child] == nil { offsets[child] = start }
        skipWhitespace()
        index += 1  // ':'
        value(at: child, depth: depth + 1)
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: ",") { index += 1 }
      }
      index += 1  // '}'
    case UInt8(ascii: "["):
      index += 1
      var i = 0
      while skipWhitespace(), index < bytes.count, bytes[index] != UInt8(ascii: "]") {
        let child = path.isEmpty ? "\(i)" : "\(path).\(i)"
        offsets[child] = index
        let before = index
        value(at: child, depth: depth + 1)
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: ",") { index += 1 }
        if index == before { return }  // not JSON the parser accepted: stop rather than loop
        i += 1
      }
      index += 1  // ']'
    case UInt8(ascii: "\""): skipString()
    default:
      while index < bytes.count, !",]} \t\r\n".utf8.contains(bytes[index]) { index += 1 }
    }
  }

  /// Moves past a string, escapes included.
  private mutating func skipString() {
    index += 1
    while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
      index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
    }
    index += 1
  }

  /// Moves past whitespace; always `true` (so it can open a `while` condition).
  @discardableResult
  private mutating func skipWhitespace() -> Bool {
    while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    return true
  }

  /// The offsets as lines and columns, in one pass over the text.
  private func lineColumns() -> [String: (line: Int, column: Int)] {
    let sorted = offsets.sorted { $0.value < $1.value }
    var result: [String: (line: Int, column: Int)] = [:]
    var line = 1
    var column = 1
    var position = 0
    for (path, offset) in sorted {
      while position < offset, position < bytes.count {
        if bytes[position] == 0x0A {
          line += 1
          column = 1
        } else if bytes[position] & 0xC0 != 0x80 {
          column += 1
        }
        position += 1
      }
      result[path] = (line, column)
    }
    return result
  }
}
