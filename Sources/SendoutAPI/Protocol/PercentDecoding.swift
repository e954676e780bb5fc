/// `%XX` decoding of URL path segments and query components.
public enum PercentDecoding {
  /// One path segment; `nil` for a malformed escape or bytes that are not UTF-8. (`+` is left alone: in a path
  /// it is a plus.)
  public static func decode(_ text: Substring) -> String? {
    // A byte scan: `text.contains("%")` resolves to Foundation's `range(of:)`, 5 % of a cache-miss GET's profile.
    guard text.utf8.contains(UInt8(ascii: "%")) else { return String(text) }
    var bytes: [UInt8] = []
    var utf8 = text.utf8[...]
    while let byte = utf8.popFirst() {
      guard byte == UInt8(ascii: "%") else {
        bytes.append(byte)
        continue
      }
      guard let high = utf8.popFirst().flatMap(hexValue), let low = utf8.popFirst().flatMap(hexValue) else {
        return nil
      }
      bytes.append(high << 4 | low)
    }
    return String(validating: bytes, as: UTF8.self)
  }

  /// The query string `a=1&b=x%20y+z` as names and values (`+` is a space there); a repeated name keeps its last
  /// value; `nil` for a malformed escape.
  public static func query(_ text: Substring) -> [String: String]? {
    var out: [String: String] = [:]
    // Split on the bytes (as URLs are): splitting the string compares grapheme clusters.
    for pair in text.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
      let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
      let spaced = parts.map { part in
        guard part.contains(UInt8(ascii: "+")) else { return Substring(part) }
        return Substring(String(decoding: part.map { $0 == UInt8(ascii: "+") ? UInt8(ascii: " ") : $0 }, as: UTF8.self))
      }
      guard let name = decode(spaced[0]), let value = spaced.count > 1 ? decode(spaced[1]) : "" else { return nil }
      out[name] = value
    }
    return out
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}
