import Foundation
import SendoutCore
import SendoutIO
import SendoutTestSupport
import Testing

@Suite struct FileAuditLogTests {
  func temporaryPath() -> String { NSTemporaryDirectory() + "sendout-audit-\(UUID().uuidString).jsonl" }

  func record(_ n: Int, _ status: AuditStatus = .success) -> AuditRecord {
    AuditRecord(
      sendout: TestSendouts.make(
        n, secret: "s", headers: [HTTPHeader("authorization", "Bearer hunter2"), HTTPHeader("x-tenant", "acme")]),
      status: status, attempt: 1, executedAt: Timestamp(milliseconds: 1_710_337_500_500),
      outcome: .response(status: status == .success ? 200 : 500),
      latencyMilliseconds: 12)
  }

  @Test func appendsOneLinePerRecordAndReadsThemBack() throws {
    let path = temporaryPath()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let log = FileAuditLog(path: path)
    try log.append(record(1))
    try log.append(record(2, .failed))
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.split(separator: "\n").count == 2)
    #expect(text.hasPrefix("{\"sendout_id\":\"whs_"))
    #expect(try log.read().records == [record(1), record(2, .failed)])
  }

  @Test func neverStoresAuthorizationValues() throws {
    let line = String(decoding: record(1).line, as: UTF8.self)
    #expect(!line.contains("hunter2"))
    #expect(line.contains("{\"name\":\"authorization\",\"value\":\"[redacted]\"}"))
    #expect(line.contains("\"x-tenant\""))
    #expect(record(1).redactedHeaderNames == ["authorization"])
    #expect(!record(1).sendout.headers.contains { $0.name == "authorization" })
  }

  @Test func aPartialLastLineIsSkippedWithAWarning() throws {
    let path = temporaryPath()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let full = record(1).line
    let partial = Array(record(2).line.prefix(40))
    #expect(FileManager.default.createFile(atPath: path, contents: Data(full + partial)))
    let contents = try FileAuditLog(path: path).read()
    #expect(contents.records.count == 1)
    #expect(contents.warnings.count == 1)
    #expect(contents.warnings[0].contains("partial last line"))
  }

  @Test func aBrokenLineInTheMiddleIsAnErrorNamingTheLine() throws {
    let bytes = record(1).line + Array("not json\n".utf8) + record(2).line
    #expect(throws: AuditLogError.self) { try AuditLogParser.parse(bytes, path: "x.jsonl") }
    do { _ = try AuditLogParser.parse(bytes, path: "x.jsonl") } catch { #expect(error.message.contains("line 2")) }
  }

  @Test func aMissingFileIsAnEmptyLog() throws {
    #expect(try FileAuditLog(path: temporaryPath()).read().records.isEmpty)
  }

  /// Appending after a crash cuts the partial last line off first, so the log stays readable.
  @Test func appendingAfterACrashDropsThePartialLastLine() throws {
    let path = temporaryPath()
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(
      FileManager.default.createFile(atPath: path, contents: Data(record(1).line + Array(record(2).line.prefix(40)))))
    try FileAuditLog(path: path).append(record(3))
    let contents = try FileAuditLog(path: path).read()
    #expect(contents.records == [record(1), record(3)])
    #expect(contents.warnings.isEmpty)
    #expect(FileManager.default.createFile(atPath: path, contents: Data(Array(record(2).line.prefix(40)))))
    try FileAuditLog(path: path).append(record(4))
    #expect(try FileAuditLog(path: path).read().records == [record(4)])
  }
}
