import CByteScan
import Testing

@testable import SendoutIO

/// The HTTP parser's byte-level helpers against their definitions: the `tchar` masks against RFC 9110's list, and
/// the CRLF search against a byte loop at every start and length.
@Suite struct HTTPParserBytesTests {
  @Test func tokenBytesAreExactlyRFC9110Tchar() {
    let tchar = Set("!#$%&'*+-.^_`|~abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".utf8)
    for byte in 0...255 {
      #expect(HTTPParser.isTokenByte(UInt8(byte)) == tchar.contains(UInt8(byte)), "byte \(byte)")
    }
  }

  @Test func theCRLFSearchFindsWhatAByteLoopFinds() {
    let bytes = Array("a\rb\r\nc\r\r\n\n\rd\r\n".utf8)
    for count in 0...bytes.count {
      for from in 0...count {
        var expected = count
        var i = from
        while i + 1 < count {
          if bytes[i] == 0x0D && bytes[i + 1] == 0x0A {
            expected = i
            break
          }
          i += 1
        }
        let found = bytes.withUnsafeBufferPointer { sendout_find_crlf($0.baseAddress!, from, count) }
        #expect(found == expected, "from \(from), count \(count)")
      }
    }
  }
}
