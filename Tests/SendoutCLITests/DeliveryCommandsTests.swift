import Foundation
import SendoutCore
import SendoutTestSupport
import Testing

/// A `sendout listen` process in the background: its first line gives the port. Its output is drained
/// continuously on another thread, so a busy listener never blocks on a full pipe.
final class ListenProcess: @unchecked Sendable {
  let process = Process()
  let output = Pipe()
  private(set) var port = 0
  private let lock = NSLock()
  private var buffered = Data()
  private let drained = DispatchSemaphore(value: 0)
  private let firstLine = DispatchSemaphore(value: 0)

  init(_ arguments: [String]) throws {
    process.executableURL = SendoutBinary.url
    process.arguments = ["listen", "--port", "0", "--json"] + arguments
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let reader = output.fileHandleForReading
    Thread.detachNewThread { [self] in
      while true {
        let chunk = reader.availableData
        if chunk.isEmpty { break }
        let sawFirstLine = lock.withLock {
          let before = buffered.contains(0x0A)
          buffered.append(chunk)
          return !before && buffered.contains(0x0A)
        }
        if sawFirstLine { firstLine.signal() }
      }
      drained.signal()
    }
    _ = firstLine.wait(timeout: .now() + 10)  // bounded: the listener prints its port first
    let first = lock.withLock { buffered.prefix { $0 != 0x0A } }
    port = (try JSONParser.parse(Array(first)))["port"]?.intValue ?? 0
  }

  /// Stops it with SIGINT and returns the JSON lines it printed for requests.
  func stop() -> [JSON] {
    process.interrupt()
    process.waitUntilExit()
    drained.wait()
    return lock.withLock { buffered }.split(separator: 0x0A).dropFirst().compactMap { try? JSONParser.parse(Array($0)) }
  }
}

@Suite(.serialized) struct DeliveryCommandsTests {
  func temporaryLog(_ records: [AuditRecord]) -> String {
    let path = NSTemporaryDirectory() + "sendout-cli-\(UUID().uuidString).jsonl"
    #expect(FileManager.default.createFile(atPath: path, contents: Data(records.flatMap(\.line))))
    return path
  }

  func failedRecord(to url: String) -> AuditRecord {
    AuditRecord(
      sendout: TestSendouts.make(1, to: url, secret: "s"), status: .failed, attempt: 1,
      executedAt: Timestamp(milliseconds: 1_710_337_500_500), outcome: .noResponse(.refused))
  }

  @Test func retryFailedDeliversOnceTheReceiverIsBackAndAppendsTheOutcome() throws {
    let listener = try ListenProcess(["--secret", "s", "--fail-first", "1"])
    let log = temporaryLog([failedRecord(to: "http://127.0.0.1:\(listener.port)/hooks")])
    defer { try? FileManager.default.removeItem(atPath: log) }

    let first = try SendoutBinary.run(["retry", "--failed", "--audit", log])
    #expect(first.status == 1, "the listener fails the first request")
    let second = try SendoutBinary.run(["retry", "--failed", "--audit", log])
    #expect(second.status == 0, Comment(rawValue: second.stdout + second.stderr))
    #expect(second.stdout.contains("1 of 1 delivered"))

    let audit = try SendoutBinary.run(["audit", "--audit", log, "--json"])
    let rows = try JSONParser.parse(audit.stdout).arrayValue ?? []
    #expect(rows.count == 1)
    #expect(rows.first?["status"]?.stringValue == "SUCCESS")
    #expect(rows.first?["attempts"]?.intValue == 3)

    let received = listener.stop()
    #expect(received.map { $0["status"]?.intValue } == [500, 200])
    #expect(received.allSatisfy { $0["signature"]?.stringValue == "valid" })
    #expect(Set(received.compactMap { $0["body"]?.stringValue }).count == 1, "the same bytes each time")
  }

  @Test func retryWithAScheduleRetriesUntilSuccess() throws {
    let listener = try ListenProcess(["--secret", "s", "--fail-first", "2"])
    let log = temporaryLog([failedRecord(to: "http://127.0.0.1:\(listener.port)/hooks")])
    defer { try? FileManager.default.removeItem(atPath: log) }
    let run = try SendoutBinary.run(["retry", "--failed", "--audit", log, "--retry-schedule", "100ms,200ms,400ms"])
    #expect(run.status == 0, Comment(rawValue: run.stdout + run.stderr))
    #expect(run.stdout.components(separatedBy: "RETRYING").count == 3)
    let table = try SendoutBinary.run(["audit", "--audit", log])
    #expect(table.stdout.contains("SUCCESS"))
    _ = listener.stop()
  }

  @Test(arguments: [
    (["audit", "--status", "BOGUS"], "SUCCESS, RETRYING, FAILED or SKIPPED"),
    (["retry"], "--failed"),
    (["retry", "--failed", "--retry-schedule", "1s,500ms"], "'1s,500ms'"),
    (["retry", "--failed", "--time-scale", "0"], "'0'"),
    (["listen", "--port", "70000"], "'70000'"),
    (["fire", "customer.publication.succeeded", "--to", "localhost:3000/hooks"], "'localhost:3000/hooks'"),
    (["retry", "--failed", "--to", "ftp://x"], "'ftp://x'"),
    (["listen", "--fail-rate", "2"], "'2'"),
    (["fire", "customer.publication.succeeded", "--header", "X-Bad: 1"], "'X-Bad'"),
  ])
  func usageErrorsExit64AndQuoteTheValue(arguments: [String], mention: String) throws {
    let audit =
      ["audit", "retry", "fire"].contains(arguments[0])
      ? ["--audit", NSTemporaryDirectory() + "none-\(UUID().uuidString).jsonl"] : []
    let run = try SendoutBinary.run(arguments + audit)
    #expect(run.status == 64, Comment(rawValue: run.stderr))
    #expect(run.stderr.contains(mention), Comment(rawValue: run.stderr))
  }

  @Test func aMalformedAuditLogExits65NamingTheLine() throws {
    let path = NSTemporaryDirectory() + "sendout-bad-\(UUID().uuidString).jsonl"
    #expect(FileManager.default.createFile(atPath: path, contents: Data("{\"nope\":1}\n".utf8)))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let run = try SendoutBinary.run(["audit", "--audit", path])
    #expect(run.status == 65)
    #expect(run.stderr.contains("line 1"))
  }

  @Test func everyDeliveryCommandHasHelpWithExamples() throws {
    for command in ["fire", "listen", "audit", "retry"] {
      let run = try SendoutBinary.run([command, "--help"])
      #expect(run.status == 0)
      #expect(run.stdout.contains("EXAMPLES:"), "\(command)")
    }
  }
}
