import Foundation
import SendoutCore
import SendoutIO
import Synchronization
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `sendout serve --state FILE` killed with SIGKILL and started again: every call answered before the kill is
/// in the world again, replayed from the journal.
@Suite(.timeLimit(.minutes(1))) struct ServeStateTests {
  /// Paths for a `--state` journal and an `--audit` log, unique under the temporary directory (`label` names them).
  static func stateFiles(_ label: String) -> (state: String, audit: String) {
    let id = UUID().uuidString
    return (
      NSTemporaryDirectory() + "sendout-\(label)-state-\(id).jsonl",
      NSTemporaryDirectory() + "sendout-\(label)-audit-\(id).jsonl"
    )
  }

  /// Removes the files at `paths` that exist.
  static func remove(_ paths: String...) {
    for path in paths { try? FileManager.default.removeItem(atPath: path) }
  }

  /// `sendout serve` in a child process, with the port its first line names and that line. Several tasks may `call`
  /// at once (a call reads only `port`); `line(containing:)` is for one task.
  final class ServeProcess: Sendable {
    let process: Process
    let output: Pipe
    let port: Int
    let firstLine: String

    init(
      state: String, audit: String, to target: String = "http://127.0.0.1:9/dead", extra: [String] = [],
      launcher: [String] = []
    ) throws {
      let started = try SendoutBinary.startServer(
        [
          "serve", "--port", "0", "--state", state, "--app-id", "app", "--app-token", "token", "--seed", "3",
          "--to", target, "--retry-schedule", "none", "--audit", audit, "--secret", "whsec",
        ] + extra, launcher: launcher)
      (process, output, port) = (started.0, started.1, started.port)
      firstLine = String(decoding: started.read.prefix { $0 != 0x0A }, as: UTF8.self)
      printed = Mutex(started.read)
    }

    /// What it printed so far, as far as it was read (several tasks may read on).
    private let printed: Mutex<[UInt8]>

    /// The first line of what it printed that contains `text` (read on from the first line), or `nil` at its end.
    func line(containing text: String) -> String? {
      printed.withLock { printed in
        while true {
          let lines = String(decoding: printed, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
          if let found = lines.dropLast().first(where: { $0.contains(text) }) { return String(found) }
          let data = output.fileHandleForReading.availableData
          if data.isEmpty { return nil }
          printed += data
        }
      }
    }

    func call(
      _ method: String, _ path: String, body: String? = nil, keys: Bool = true, headers: [String: String] = [:]
    ) async throws -> (Int, JSON) {
      var request = URLRequest(url: try #require(URL(string: "http://127.0.0.1:\(port)\(path)")))
      request.httpMethod = method
      if keys {
        request.setValue("app", forHTTPHeaderField: "X-App-Id")
        request.setValue("token", forHTTPHeaderField: "X-App-Token")
      }
      for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
      request.httpBody = body.map { Data($0.utf8) }
      let (data, response) = try await URLSession.shared.data(for: request)
      let body = data.isEmpty ? JSON.null : try JSONParser.parse(Array(data))  // a 204 has none
      return ((response as? HTTPURLResponse)?.statusCode ?? 0, body)
    }

    func kill() {
      Glibc.kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
  }

  @Test func callsAnsweredBeforeAKill9AreInTheWorldAfterARestart() async throws {
    let (state, audit) = Self.stateFiles("state")
    defer { Self.remove(state, audit) }
    let first = try ServeProcess(state: state, audit: audit)
    #expect(first.firstLine.contains("0 calls replayed"), "\(first.firstLine)")
    let (created, customer) = try await first.call("POST", "/v1/customers", body: #"{"source_id":"kate"}"#)
    #expect(created == 200)
    let (_, publication) = try await first.call(
      "POST", "/v1/publications", body: #"{"customer":{"source_id":"kate"},"campaign":{"name":"Welcome Offer"}}"#)
    let code = try #require(publication.value(atPath: "voucher.code")?.stringValue)
    first.kill()

    let second = try ServeProcess(state: state, audit: audit)
    defer { second.kill() }
    #expect(second.firstLine.contains("2 calls replayed"), "\(second.firstLine)")
    let (status, again) = try await second.call("GET", "/v1/customers/kate")
    #expect(status == 200)
    #expect(again["id"] == customer["id"])
    let (voucherStatus, voucher) = try await second.call("GET", "/v1/vouchers/\(code)")
    #expect(voucherStatus == 200)
    #expect(voucher["holder_id"] == customer["id"], "the publication was replayed too")
    let (_, next) = try await second.call(
      "POST", "/v1/publications", body: #"{"customer":{"source_id":"kate"},"campaign":{"name":"Welcome Offer"}}"#)
    #expect(next.value(atPath: "voucher.code") != publication.value(atPath: "voucher.code"), "the next free code")
  }

  @Test func sendoutsNotDeliveredBeforeAKill9AreDeliveredAfterTheRestart() async throws {
    let (state, audit) = Self.stateFiles("state")
    defer { Self.remove(state, audit) }
    let listener = WebhookListener(configuration: ListenerConfiguration(port: 0, secret: "whsec"))
    try listener.start()
    defer { listener.stop() }
    let target = listener.baseURL + "/webhooks"
    let first = try ServeProcess(state: state, audit: audit, to: target)
    let (held, _) = try await first.call("POST", "/_sendout/delivery/pause")
    #expect(held == 200)
    let (created, customer) = try await first.call("POST", "/v1/customers", body: #"{"source_id":"lena"}"#)
    #expect(created == 200)
    let (_, queue) = try await first.call("GET", "/_sendout/delivery")
    #expect(queue["queued"] == 1 && queue["held"] == true, "\(queue)")
    first.kill()
    #expect(listener.receivedCount == 0, "held: nothing was sent before the kill")

    let second = try ServeProcess(state: state, audit: audit, to: target)
    defer { second.kill() }
    #expect(second.firstLine.contains("1 call replayed, 1 undelivered sendout resumed"), "\(second.firstLine)")
    let arrived = await listener.waitForRequests(count: 1, timeoutMilliseconds: 10_000)
    #expect(arrived.map(\.eventType) == ["customer.created"])
    #expect(arrived.map(\.signature) == [.valid])
    let webhook = try JSONParser.parse(try #require(arrived.first).body)
    #expect(webhook.value(atPath: "data.customer.id") == customer["id"], "the same event, resent at least once")
  }
}
