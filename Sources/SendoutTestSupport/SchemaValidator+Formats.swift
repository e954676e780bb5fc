extension SchemaValidator {
  /// Whether `text` has the shape of `format` (RFC 3339 `date-time`, `date`, `time`); `nil` for formats
  /// this validator does not assert. Ranges are checked per field (month 01–12, hour 00–23, …), not
  /// per calendar (`2024-02-31` passes).
  public static func checkFormat(_ format: String, _ text: String) -> Bool? {
    let b = Array(text.utf8)
    switch format {
    case "date": return isDate(b[...])
    case "time": return isTime(b[...])
    case "date-time":
      guard b.count > 11, b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t") else { return false }
      return isDate(b[..<10]) && isTime(b[11...])
    default: return nil
    }
  }

  /// `YYYY-MM-DD`.
  private static func isDate(_ b: ArraySlice<UInt8>) -> Bool {
    let b = Array(b)
    guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
      number(b[0..<4]) != nil, let month = number(b[5..<7]), let day = number(b[8..<10])
    else { return false }
    return (1...12).contains(month) && (1...31).contains(day)
  }

  /// `HH:MM:SS[.fff…](Z|±HH:MM)`.
  private static func isTime(_ b: ArraySlice<UInt8>) -> Bool {
    let b = Array(b)
    guard b.count >= 9, b[2] == UInt8(ascii: ":"), b[5] == UInt8(ascii: ":"),
      let h = number(b[0..<2]), let m = number(b[3..<5]), let s = number(b[6..<8]), h < 24, m < 60, s < 61
    else { return false }
    var i = 8
    if b[i] == UInt8(ascii: ".") {
      i += 1
      let start = i
      while i < b.count, isDigit(b[i]) { i += 1 }
      guard i > start else { return false }
    }
    guard i < b.count else { return false }
    if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") { return i + 1 == b.count }
    guard b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-"), b.count == i + 6, b[i + 3] == UInt8(ascii: ":"),
      let oh = number(b[(i + 1)..<(i + 3)]), let om = number(b[(i + 4)..<(i + 6)])
    else { return false }
    return oh < 24 && om < 60
  }

  private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
    guard !digits.isEmpty, digits.allSatisfy(isDigit) else { return nil }
    return digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
  }

  private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
