import SendoutCore
import Testing

/// RFC 4180 quoting and the spreadsheet-formula guard, cell by cell and as whole files.
@Suite struct CSVWriterTests {
  @Test(arguments: [
    ("plain", "plain"), ("", ""), ("a,b", #""a,b""#), (#"say "hi""#, #""say ""hi""""#),
    ("two\nlines", "\"two\nlines\""),
    ("cr\r\nlf", "\"cr\r\nlf\""), ("=1+2", "'=1+2"), ("+cmd", "'+cmd"), ("-x", "'-x"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tlead", "'\tlead"), (#"=HYPERLINK("http://x","y")"#, #""'=HYPERLINK(""http://x"",""y"")""#),
    ("-500", "-500"), ("+1.5", "+1.5"), ("-1.", "'-1."), ("-", "'-"), ("a=b", "a=b"),
    ("zürich, ch", "\"zürich, ch\""),
  ])
  func aCellIsQuotedAndGuardedAsNeeded(value: String, written: String) {
    #expect(CSVWriter.cell(value) == written)
  }

  @Test func aFileIsTheHeaderThenTheRowsEachEndedByCRLF() {
    let text = CSVWriter.file(header: ["id", "name"], rows: [["1", "Ann, B"], ["2", "=evil()"]])
    #expect(text == "id,name\r\n1,\"Ann, B\"\r\n2,'=evil()\r\n")
    #expect(CSVWriter.file(header: ["id"], rows: []) == "id\r\n")
  }
}
