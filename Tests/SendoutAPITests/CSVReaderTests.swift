import SendoutAPI
import Testing

/// The RFC 4180 reader: quoting, line breaks, the errors naming line and column, the limits, and a linear cost.
@Suite struct CSVReaderTests {
  @Test(arguments: [
    ("a,b\r\n1,2\r\n", [["a", "b"], ["1", "2"]]),
    ("a,b\n1,2", [["a", "b"], ["1", "2"]]),
    ("a,b\r1,2\r", [["a", "b"], ["1", "2"]]),
    ("\u{FEFF}a\n\n1\n\n", [["a"], ["1"]]),
    ("a,b,\n1,2,", [["a", "b", ""], ["1", "2", ""]]),
    ("a,b\n\"x,\"\"y\"\"\nz\",", [["a", "b"], ["x,\"y\"\nz", ""]]),
    ("\"\"", [[""]]),
    ("", []),
  ])
  func recordsAreRead(text: String, expected: [[String]]) throws {
    #expect(try CSVReader().records(Array(text.utf8)) == expected)
  }

  @Test(arguments: [
    ("a\nb\"c\n", "line 2, column 2: a double quote inside a field that does not start with one"),
    ("a\n\"b\"c\n", "line 2, column 4: text after a closing double quote"),
    ("a,b\n1,\"2\n3\n", "line 2, column 3: the double quote opened here is never closed"),
    ("a,b\n1\n", "line 2, column 1: the record has 1 fields, the header 2"),
    ("a,\"b\nc\",d\n1,2\n", "line 3, column 1: the record has 2 fields, the header 3"),
  ])
  func aBadFileIsNamedByLineAndColumn(text: String, expected: String) {
    #expect(throws: CSVReader.Failure.self) { try CSVReader().records(Array(text.utf8)) }
    do { _ = try CSVReader().records(Array(text.utf8)) } catch {
      #expect(error.description.hasPrefix(expected), "\(error.description)")
    }
  }

  @Test func theLimitsHold() throws {
    var small = CSVReader.Limits()
    small.maxRecords = 2
    small.maxFields = 3
    let reader = CSVReader(limits: small)
    #expect(try reader.records(Array("a,b,c\n1,2,3\n".utf8)).count == 2)
    #expect(throws: CSVReader.Failure.self) { try reader.records(Array("a\n1\n2\n".utf8)) }
    #expect(throws: CSVReader.Failure.self) { try reader.records(Array("a,b,c,d\n".utf8)) }
    #expect(throws: CSVReader.Failure.self) { try reader.records([0x61, 0xFF]) }
  }

  /// A 4 MB field of quotes, and a 4 MB file of commas, are read in one pass (well under a second each).
  @Test func hostileFilesCostTheirLength() throws {
    let quotes = [UInt8(ascii: "\"")] + Array(repeating: UInt8(ascii: "\""), count: 4_000_000) + [UInt8(ascii: "\"")]
    let start = ContinuousClock.now
    #expect(try CSVReader().records(quotes).first?.first?.count == 2_000_000)
    var limits = CSVReader.Limits()
    limits.maxFields = 5_000_000
    let commas = Array(repeating: UInt8(ascii: ","), count: 4_000_000)
    #expect(try CSVReader(limits: limits).records(commas).first?.count == 4_000_001)
    #expect(ContinuousClock.now - start < .seconds(10))
  }
}
