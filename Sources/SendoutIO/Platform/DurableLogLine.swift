import SendoutCore

/// One record of a `DurableLog` as a line: `{"sha256":"<16 hex>","record":<record>}`, the hex being the first 8 bytes
/// of the SHA-256 of the record's bytes. The prefix has a fixed length, so a line is checked without parsing it, and a
/// line damaged anywhere (a torn write, a flipped byte, another file's text) is told apart from a good one.
enum DurableLogLine {
  private static let head = Array(#"{"sha256":""#.utf8)
  private static let middle = Array(#"","record":"#.utf8)
  /// Bytes before the record: `{"sha256":"`, 16 hex digits, `","record":`.
  static let prefixCount = head.count + 16 + middle.count

  /// The line for `record` (a compact JSON value without newlines), newline included.
  static func encode(_ record: [UInt8]) -> [UInt8] {
    var line = head
    line.reserveCapacity(prefixCount + record.count + 2)
    line += sum(record)
    line += middle
    line += record
    line += [UInt8(ascii: "}"), 0x0A]
    return line
  }

  /// The record in `line` (without its newline), or `nil` when the line is not one this log wrote, whole.
  static func decode(_ line: ArraySlice<UInt8>) -> [UInt8]? {
    guard line.count > prefixCount, line.last == UInt8(ascii: "}"), line.starts(with: head) else { return nil }
    let sumStart = line.startIndex + head.count
    let recordStart = line.startIndex + prefixCount
    guard line[(sumStart + 16)..<recordStart].elementsEqual(middle) else { return nil }
    let record = Array(line[recordStart..<(line.endIndex - 1)])
    return line[sumStart..<(sumStart + 16)].elementsEqual(sum(record)) ? record : nil
  }

  /// The 16 hex digits of `record`'s checksum: the first 8 bytes of its SHA-256.
  private static func sum(_ record: [UInt8]) -> [UInt8] { Array(Hex.encode(Array(SHA256.hash(record).prefix(8))).utf8) }

  /// Whether `tail` (a last line without its newline) can be the start of a line this log writes: the only kind of
  /// unterminated tail that is repaired as a torn write. Anything else is another file's text, and is refused.
  static func couldBeTorn(_ tail: ArraySlice<UInt8>) -> Bool {
    let n = min(tail.count, head.count)
    return n > 0 && tail.prefix(n).elementsEqual(head.prefix(n))
  }
}
