/// An RFC 4180 CSV reader for the imports: records end with CRLF or LF; a field is plain text or enclosed in double
/// quotes, where `""` is one quote and commas and line breaks are text. One pass over the bytes, each byte looked at
/// once, so a hostile file costs its length; the records and fields it may hold are bounded (`Limits`). A file that
/// does not follow the grammar is an error naming the line and column (bytes, from 1) where it stops making sense.
/// A UTF-8 byte order mark is skipped; a blank line (no byte at all) is skipped; the text must be UTF-8.
package struct CSVReader: Sendable {
  /// How much one file may hold.
  package struct Limits: Sendable {
    /// The most records, the header included (Voucherify: a campaign holds up to 100,000 codes).
    package var maxRecords = 100_001
    /// The most fields in one record.
    package var maxFields = 256

    /// The default limits.
    package init() {}
  }

  /// Why a file is refused, and where.
  package struct Failure: Error, Equatable, Sendable {
    /// The line (from 1).
    package var line: Int
    /// The column, in bytes (from 1).
    package var column: Int
    /// What is wrong, and what is accepted.
    package var reason: String

    /// `line 3, column 7: reason`.
    package var description: String { "line \(line), column \(column): \(reason)" }
  }

  /// The limits it reads within.
  package var limits = Limits()

  /// A reader within `limits`.
  package init(limits: Limits = Limits()) { self.limits = limits }

  /// The records of `bytes`, each an array of fields; every record has as many fields as the first (the header).
  package func records(_ bytes: [UInt8]) throws(Failure) -> [[String]] {
    var parser = Parser(bytes: bytes, limits: limits)
    return try parser.run()
  }

  /// The state of one pass.
  private struct Parser {
    let bytes: [UInt8]
    let limits: Limits
    var i = 0
    var line = 1
    var lineStart = 0
    var records: [[String]] = []
    var record: [String] = []
    var field: [UInt8] = []
    var recordLine = 1

    static let quote = UInt8(ascii: "\"")
    static let comma = UInt8(ascii: ",")
    static let cr = UInt8(ascii: "\r")
    static let lf = UInt8(ascii: "\n")

    init(bytes: [UInt8], limits: Limits) {
      self.bytes = bytes
      self.limits = limits
      if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
      lineStart = i
    }

    func failure(_ reason: String, at position: Int? = nil) -> Failure {
      Failure(line: line, column: (position ?? i) - lineStart + 1, reason: reason)
    }

    mutating func run() throws(Failure) -> [[String]] {
      while i < bytes.count {
        if bytes[i] == Self.lf || bytes[i] == Self.cr {
          try endOfLine()  // a blank line
          continue
        }
        recordLine = line
        try readRecord()
      }
      return records
    }

    /// One record, through its line break or the end of the file.
    mutating func readRecord() throws(Failure) {
      while true {
        if i < bytes.count && bytes[i] == Self.quote { try readQuoted() } else { try readPlain() }
        try endField()
        guard i < bytes.count else { return try endRecord() }
        let byte = bytes[i]
        if byte == Self.comma {
          i += 1  // another field follows, empty when the file ends here
          continue
        }
        try endOfLine()
        return try endRecord()
      }
    }

    /// A plain field, up to a comma, a line break or the end.
    mutating func readPlain() throws(Failure) {
      while i < bytes.count {
        let byte = bytes[i]
        if byte == Self.comma || byte == Self.lf || byte == Self.cr { return }
        if byte == Self.quote {
          throw failure(
            "a double quote inside a field that does not start with one (write it as \"\" in a quoted field)")
        }
        field.append(byte)
        i += 1
      }
    }

    /// A quoted field, from its opening quote through its closing one.
    mutating func readQuoted() throws(Failure) {
      let (openLine, openColumn) = (line, i - lineStart + 1)
      i += 1
      while i < bytes.count {
        let byte = bytes[i]
        if byte == Self.quote {
          if i + 1 < bytes.count && bytes[i + 1] == Self.quote {
            field.append(Self.quote)
            i += 2
            continue
          }
          i += 1
          guard i == bytes.count || bytes[i] == Self.comma || bytes[i] == Self.lf || bytes[i] == Self.cr else {
            throw failure("text after a closing double quote (a field is quoted whole; write a quote as \"\")")
          }
          return
        }
        if byte == Self.lf {
          line += 1
          lineStart = i + 1
        }
        field.append(byte)
        i += 1
      }
      throw Failure(
        line: openLine, column: openColumn, reason: "the double quote opened here is never closed")
    }

    /// Past a line break (CRLF, LF or a lone CR).
    mutating func endOfLine() throws(Failure) {
      if bytes[i] == Self.cr && i + 1 < bytes.count && bytes[i + 1] == Self.lf { i += 1 }
      i += 1
      line += 1
      lineStart = i
    }

    mutating func endField() throws(Failure) {
      guard record.count < limits.maxFields else {
        throw failure("a record holds at most \(limits.maxFields) fields")
      }
      guard let text = String(validating: field, as: UTF8.self) else {
        throw failure("the field is not UTF-8 text")
      }
      record.append(text)
      field.removeAll(keepingCapacity: true)
    }

    mutating func endRecord() throws(Failure) {
      defer { record = [] }
      if let header = records.first, record.count != header.count {
        throw Failure(
          line: recordLine, column: 1,
          reason: "the record has \(record.count) fields, the header \(header.count)")
      }
      guard records.count < limits.maxRecords else {
        throw Failure(
          line: recordLine, column: 1, reason: "a file holds at most \(limits.maxRecords) records, the header included")
      }
      records.append(record)
    }
  }
}
