/// A `multipart/form-data` reader (RFC 7578) for the CSV imports. The boundary is read from the body's first line
/// (`--BOUNDARY`), as every client writes it, not from the `content-type` header: the journal keeps bodies, not
/// headers, and a replay must read the same parts. One pass: the delimiter (at most 74 bytes) is looked for from
/// each byte once, so the cost is linear in the body; parts and part heads are bounded.
package enum MultipartReader {
  /// One part: its form field name, its file name (a file's), and its bytes.
  package struct Part: Sendable, Equatable {
    /// The `name` of its `content-disposition`.
    package var name: String
    /// The `filename`, when it is a file.
    package var filename: String?
    /// The content.
    package var body: [UInt8]
  }

  /// Why a body is no multipart body: one line, naming what is accepted.
  package struct Failure: Error, Equatable, Sendable {
    /// What is wrong.
    package var reason: String
  }

  /// The most parts one body may hold.
  package static let maxParts = 16
  /// The most bytes of one part's head (its header lines).
  package static let maxHeadBytes = 8_192

  /// The parts of `bytes`, or why it is no multipart body (one line, naming what is accepted).
  package static func parts(_ bytes: [UInt8]) throws(Failure) -> [Part] {
    guard let firstEnd = find([13, 10], in: bytes, from: 0), bytes.starts(with: [45, 45]) else {
      throw failure("the body is no multipart/form-data: it must start with its boundary line `--BOUNDARY`")
    }
    let boundary = bytes[2..<firstEnd]
    guard (1...70).contains(boundary.count), boundary.allSatisfy(isBoundaryByte) else {
      throw failure("the first line is no multipart boundary (`--` and 1 to 70 letters, digits or '()+_,-./:=?)")
    }
    let delimiter = [13, 10, 45, 45] + boundary
    var parts: [Part] = []
    var position = firstEnd + 2
    var from = position
    while true {
      guard let end = find(delimiter, in: bytes, from: from) else {
        throw failure("the body ends before its closing boundary `--\(String(decoding: boundary, as: UTF8.self))--`")
      }
      var after = end + delimiter.count
      let last = bytes[after...].starts(with: [45, 45])
      while after < bytes.count && (bytes[after] == 32 || bytes[after] == 9) { after += 1 }  // transport padding
      guard last || bytes[after...].starts(with: [13, 10]) else {
        from = end + 1  // a line that only starts like the delimiter: data
        continue
      }
      guard parts.count < maxParts else { throw failure("a body holds at most \(maxParts) parts") }
      parts.append(try part(bytes[position..<end]))
      if last { return parts }
      position = after + 2
      from = position
    }
  }

  /// One part: its head (up to a blank line) and body.
  private static func part(_ bytes: ArraySlice<UInt8>) throws(Failure) -> Part {
    let blank: [UInt8] = [13, 10, 13, 10]
    let headEnd: Int
    if bytes.starts(with: [13, 10]) {
      headEnd = bytes.startIndex
    } else if let found = find(blank, in: bytes, from: bytes.startIndex, limit: maxHeadBytes) {
      headEnd = found + 2
    } else {
      throw failure("a part's head must end with a blank line within \(maxHeadBytes) bytes")
    }
    var name: String?
    var filename: String?
    for line in String(decoding: bytes[bytes.startIndex..<headEnd], as: UTF8.self).split(separator: "\r\n") {
      guard let colon = line.firstIndex(of: ":"),
        line[..<colon].lowercased() == "content-disposition"
      else { continue }
      for parameter in line[line.index(after: colon)...].split(separator: ";").dropFirst() {
        let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces }
        guard pair.count == 2 else { continue }
        let value =
          pair[1].count >= 2 && pair[1].hasPrefix("\"") && pair[1].hasSuffix("\"")
          ? String(pair[1].dropFirst().dropLast()) : pair[1]
        if pair[0].lowercased() == "name" { name = value }
        if pair[0].lowercased() == "filename" { filename = value }
      }
    }
    guard let name else { throw failure("a part has no `content-disposition: form-data; name=\"…\"` header") }
    return Part(name: name, filename: filename, body: Array(bytes[(headEnd + 2)...]))
  }

  /// Where `needle` starts in `bytes` at or after `start` (and before `start + limit`), if anywhere.
  private static func find<C: RandomAccessCollection<UInt8>>(
    _ needle: [UInt8], in bytes: C, from start: C.Index, limit: Int = .max
  ) -> C.Index? where C.Index == Int {
    guard let first = needle.first else { return nil }
    let last = min(bytes.endIndex - needle.count, limit == .max ? .max : start + limit)
    var i = start
    while i <= last {
      if bytes[i] == first && bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
      i += 1
    }
    return nil
  }

  /// RFC 2046's `bchars` (space aside).
  private static func isBoundaryByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
      UInt8(ascii: "A")...UInt8(ascii: "Z"):
      true
    default: Array("'()+_,-./:=?".utf8).contains(byte)
    }
  }

  private static func failure(_ reason: String) -> Failure { Failure(reason: reason) }
}

extension Substring {
  /// Without leading and trailing spaces and tabs.
  fileprivate var trimmingSpaces: String {
    String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
  }
}
