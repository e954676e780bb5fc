import CByteScan

/// The listener's fast path for what it shows of each body — the top-level `id` and `type` and
/// `event.type` — without building the whole JSON tree. It walks and checks the JSON structure and gives
/// up (`nil`: use `JSONParser`) on anything it does not fully decide itself: non-ASCII bytes, `\u`
/// escapes, exponents, repeated keys it reads, very deep nesting, or anything malformed. So whenever it
/// answers, the answer is what a full parse would give.
struct WebhookFieldScanner {
  /// What the listener reads from a body.
  struct Fields: Equatable {
    /// The top-level `id`, when it is a string.
    var id: String?
    /// The top-level `type`, when it is a string.
    var type: String?
    /// `event.type`, when `event` is an object and its `type` a string.
    var eventType: String?
  }

  private let bytes: UnsafeBufferPointer<UInt8>
  private var index = 0
  private var depth = 0

  /// The fields of `body`, or `nil` when only a full parse can tell.
  static func scan(_ body: [UInt8]) -> Fields? {
    body.withUnsafeBufferPointer { buffer in
      var scanner = WebhookFieldScanner(bytes: buffer)
      return scanner.scanDocument()
    }
  }

  private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  private mutating func scanDocument() -> Fields? {
    skipWhitespace()
    guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return nil }
    var fields = Fields()
    var seen: (id: Bool, type: Bool, event: Bool) = (false, false, false)
    let ok = scanObject { scanner, key in
      switch key {
      case .id, .type:
        if key == .id ? seen.id : seen.type { return false }
        if key == .id { seen.id = true } else { seen.type = true }
        guard let value = scanner.valueString() else { return false }
        if key == .id { fields.id = value.string } else { fields.type = value.string }
        return value.ok
      case .event:
        if seen.event { return false }
        seen.event = true
        guard scanner.index < scanner.bytes.count, scanner.bytes[scanner.index] == UInt8(ascii: "{") else {
          return scanner.skipValue()
        }
        var typeSeen = false
        return scanner.scanObject { inner, innerKey in
          guard innerKey == .type else { return inner.skipValue() }
          if typeSeen { return false }
          typeSeen = true
          guard let value = inner.valueString() else { return false }
          fields.eventType = value.string
          return value.ok
        }
      case .other:
        return scanner.skipValue()
      }
    }
    guard ok else { return nil }
    skipWhitespace()
    return index == bytes.count ? fields : nil
  }

  private enum Key { case id, type, event, other }

  /// Walks an object at `index`, calling `member` with each key, positioned at its value; `member`
  /// consumes the value and returns whether all was well.
  private mutating func scanObject(_ member: (inout WebhookFieldScanner, Key) -> Bool) -> Bool {
    depth += 1
    guard depth <= 64 else { return false }
    index += 1
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      depth -= 1
      return true
    }
    while true {
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let (start, end) = skipString() else {
        return false
      }
      let key = Self.key(bytes, start, end)
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return false }
      index += 1
      skipWhitespace()
      guard member(&self, key) else { return false }
      skipWhitespace()
      guard index < bytes.count else { return false }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
      } else if bytes[index] == UInt8(ascii: "}") {
        index += 1
        depth -= 1
        return true
      } else {
        return false
      }
    }
  }

  private static func key(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Key {
    switch end - start {
    case 2 where bytes[start] == UInt8(ascii: "i") && bytes[start + 1] == UInt8(ascii: "d"): return .id
    case 4 where equal(bytes, start, "type"): return .type
    case 5 where equal(bytes, start, "event"): return .event
    default: return .other
    }
  }

  private static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ word: StaticString) -> Bool {
    for k in 0..<word.utf8CodeUnitCount where bytes[start + k] != word.utf8Start[k] { return false }
    return true
  }

  /// The value at `index` as a string (nil `string` when it is another kind of value); `nil` on failure.
  private mutating func valueString() -> (string: String?, ok: Bool)? {
    guard index < bytes.count else { return nil }
    guard bytes[index] == UInt8(ascii: "\"") else { return skipValue() ? (nil, true) : nil }
    guard let (start, end) = skipString() else { return nil }
    let raw = UnsafeBufferPointer(rebasing: bytes[start..<end])
    if raw.contains(UInt8(ascii: "\\")) { return nil }  // escapes: leave the decoding to the full parser
    return (String(decoding: raw, as: UTF8.self), true)
  }

  /// Skips a string at `index` (ASCII only, simple escapes); returns the bounds of its contents.
  private mutating func skipString() -> (Int, Int)? {
    index += 1
    let start = index
    guard let base = bytes.baseAddress else { return nil }
    while true {
      // Straight to the first byte that ends or escapes the string or needs the full parser (sixteen at a time).
      index = sendout_json_string_stop(base, index, bytes.count)
      guard index < bytes.count else { return nil }
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        index += 1
        return (start, index - 1)
      }
      guard byte == UInt8(ascii: "\\") else { return nil }  // a control or non-ASCII byte
      index += 1
      guard index < bytes.count else { return nil }
      switch bytes[index] {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
        UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
        index += 1
      default: return nil
      }
    }
  }

  private mutating func skipValue() -> Bool {
    guard index < bytes.count else { return false }
    switch bytes[index] {
    case UInt8(ascii: "{"): return scanObject { scanner, _ in scanner.skipValue() }
    case UInt8(ascii: "["): return skipArray()
    case UInt8(ascii: "\""): return skipString() != nil
    case UInt8(ascii: "t"): return skipLiteral("true")
    case UInt8(ascii: "f"): return skipLiteral("false")
    case UInt8(ascii: "n"): return skipLiteral("null")
    default: return skipNumber()
    }
  }

  private mutating func skipArray() -> Bool {
    depth += 1
    guard depth <= 64 else { return false }
    index += 1
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      depth -= 1
      return true
    }
    while true {
      skipWhitespace()
      guard skipValue() else { return false }
      skipWhitespace()
      guard index < bytes.count else { return false }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
      } else if bytes[index] == UInt8(ascii: "]") {
        index += 1
        depth -= 1
        return true
      } else {
        return false
      }
    }
  }

  private mutating func skipLiteral(_ word: StaticString) -> Bool {
    let n = word.utf8CodeUnitCount
    guard index + n <= bytes.count, Self.equal(bytes, index, word) else { return false }
    index += n
    return true
  }

  /// Skips `-?(0|[1-9][0-9]*)(.[0-9]+)?`, at most 15 digits; exponents and longer numbers need the full parser.
  private mutating func skipNumber() -> Bool {
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    let start = index
    guard index < bytes.count, isDigit(bytes[index]) else { return false }
    if bytes[index] == UInt8(ascii: "0") {
      index += 1
      if index < bytes.count, isDigit(bytes[index]) { return false }
    } else {
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      guard index < bytes.count, isDigit(bytes[index]) else { return false }
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }
    if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") { return false }
    return index - start <= 16
  }

  private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  private mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D: index += 1
      default: return
      }
    }
  }
}
