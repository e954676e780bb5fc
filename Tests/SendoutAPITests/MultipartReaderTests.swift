import SendoutAPI
import Testing

/// The `multipart/form-data` reader: parts by name, the boundary from the first line, refusals, a linear cost.
@Suite struct MultipartReaderTests {
  static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

  @Test func partsAreReadByNameWithTheirFileName() throws {
    let body = Self.bytes(
      "--XyZ\r\nContent-Disposition: form-data; name=\"webhooks_enable\"\r\n\r\ntrue\r\n"
        + "--XyZ\r\ncontent-disposition: form-data; name=file; filename=\"a.csv\"\r\ncontent-type: text/csv\r\n\r\n"
        + "a,b\r\n--XyZ not yet\r\n\r\n--XyZ--\r\n")
    let parts = try MultipartReader.parts(body)
    #expect(parts.map(\.name) == ["webhooks_enable", "file"])
    #expect(parts[1].filename == "a.csv")
    #expect(
      parts[1].body == Self.bytes("a,b\r\n--XyZ not yet\r\n"), "a line that only starts like the boundary is data")
    #expect(parts[0].body == Self.bytes("true"))
  }

  @Test(arguments: [
    ("{\"file\":1}", "must start with its boundary line"),
    ("--\r\n\r\n", "no multipart boundary"),
    ("--a b\r\n", "no multipart boundary"),
    ("--b\r\ncontent-disposition: form-data; name=x\r\n\r\nvalue", "closing boundary"),
    ("--b\r\ncontent-type: text/plain\r\n\r\nv\r\n--b--", "no `content-disposition"),
    ("--b\r\ncontent-disposition: form-data; name=x\r\n\r\nv\r\n--bXX", "closing boundary"),
  ])
  func aBodyThatIsNoMultipartIsRefused(text: String, reason: String) {
    do {
      _ = try MultipartReader.parts(Self.bytes(text))
      Issue.record("\(text) was read")
    } catch {
      #expect(error.reason.contains(reason), "\(error.reason)")
    }
  }

  @Test func partsAreBounded() {
    let many = (0...MultipartReader.maxParts).map { "--b\r\ncontent-disposition: form-data; name=p\($0)\r\n\r\nv\r\n" }
    #expect(throws: MultipartReader.Failure.self) { try MultipartReader.parts(Self.bytes(many.joined() + "--b--")) }
    let head = "--b\r\ncontent-disposition: form-data; name=p\r\nx-pad: " + String(repeating: "a", count: 9_000)
    #expect(throws: MultipartReader.Failure.self) { try MultipartReader.parts(Self.bytes(head + "\r\n\r\nv\r\n--b--")) }
  }

  /// A 4 MB part of near-boundaries (`\r\n--bbb…` cut one byte short) is read in one pass.
  @Test func aHostileBodyCostsItsLength() throws {
    let boundary = String(repeating: "b", count: 70)
    let near = "\r\n--" + String(repeating: "b", count: 69) + "x"
    let body =
      "--\(boundary)\r\ncontent-disposition: form-data; name=file\r\n\r\n"
      + String(repeating: near, count: 4_000_000 / near.utf8.count) + "\r\n--\(boundary)--"
    let start = ContinuousClock.now
    #expect(try MultipartReader.parts(Self.bytes(body)).count == 1)
    #expect(ContinuousClock.now - start < .seconds(10))
  }
}
