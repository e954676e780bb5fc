import Foundation
import SendoutCore
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The `--state` journal cannot brick the mock: what it refuses at start (and leaves untouched), what it does not
/// journal, a full disk, and ids that survive a restart without `--at`.
@Suite(.timeLimit(.minutes(1))) struct ServeJournalTests {
  typealias ServeProcess = ServeStateTests.ServeProcess

  func temporaryPath(_ name: String) -> String { NSTemporaryDirectory() + "sendout-\(name)-\(UUID().uuidString)" }
  func bytes(_ path: String) -> [UInt8] { FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? [] }

  /// `sendout serve --state FILE` run to its exit (a refusal), with what it printed on stderr.
  func refusal(state: String, extra: [String] = []) throws -> SendoutBinary.Result {
    try SendoutBinary.run(
      ["serve", "--port", "0", "--state", state, "--to", "http://127.0.0.1:9/dead", "--secret", "s"] + extra)
  }

  @Test func aRestartWithoutAtKeepsTheIDsOfRedemptionsAndOrders() async throws {
    let (state, audit) = (temporaryPath("state"), temporaryPath("audit"))
    defer { for path in [state, audit] { try? FileManager.default.removeItem(atPath: path) } }
    let first = try ServeProcess(state: state, audit: audit)
    let (_, publication) = try await first.call(
      "POST", "/v1/publications", body: #"{"customer":{"source_id":"ann"},"campaign":{"name":"Welcome Offer"}}"#)
    let code = try #require(publication.value(atPath: "voucher.code")?.stringValue)
    let (status, redeemed) = try await first.call(
      "POST", "/v1/redemptions",
      body:
        #"{"redeemables":[{"object":"voucher","id":"\#(code)"}],"order":{"amount":20000},"customer":{"source_id":"ann"}}"#
    )
    #expect(status == 200, "\(redeemed)")
    let redemption = try #require(redeemed.value(atPath: "redemptions.0.id")?.stringValue)
    let order = try #require(redeemed.value(atPath: "order.id")?.stringValue)
    first.kill()

    let second = try ServeProcess(state: state, audit: audit)
    defer { second.kill() }
    let (found, again) = try await second.call("GET", "/v1/redemptions/\(redemption)")
    #expect(found == 200, "\(again)")
    let (orderFound, _) = try await second.call("GET", "/v1/orders/\(order)")
    #expect(orderFound == 200)
  }

  /// Calls that change nothing (no keys, no route) and reads of the audit log are not journaled: keyless 100 KB
  /// POSTs no longer grow the state file.
  @Test func refusedCallsAndSendoutReadsAreNotJournaled() async throws {
    let (state, audit) = (temporaryPath("state"), temporaryPath("audit"))
    defer { for path in [state, audit] { try? FileManager.default.removeItem(atPath: path) } }
    let serve = try ServeProcess(state: state, audit: audit)
    defer { serve.kill() }
    let size = bytes(state).count
    let big = #"{"source_id":"x","metadata":{"pad":""# + String(repeating: "a", count: 100_000) + #""}}"#
    for _ in 0..<5 {
      let (status, _) = try await serve.call("POST", "/v1/customers", body: big, keys: false)
      #expect(status == 401)
    }
    let (noRoute, _) = try await serve.call("POST", "/v1/nothing-here", body: big)
    #expect(noRoute == 404)
    let (read, _) = try await serve.call("GET", "/_sendout/sendouts")
    #expect(read == 200)
    #expect(bytes(state).count == size, "nothing was journaled")
    let (created, _) = try await serve.call("POST", "/v1/customers", body: #"{"source_id":"kept"}"#)
    #expect(created == 200)
    #expect(bytes(state).count > size, "an accepted call is")
  }

  @Test func aStateFileThatIsNotOneIsRefusedAndLeftAsItIs() throws {
    let path = temporaryPath("foreign") + ".json"
    defer { try? FileManager.default.removeItem(atPath: path) }
    let content = Array(#"{"name":"my settings","port":8080}"#.utf8)
    #expect(FileManager.default.createFile(atPath: path, contents: Data(content)))
    let result = try refusal(state: path)
    #expect(result.status == 65)
    #expect(result.stderr.contains("Cannot use the state file '\(path)'"), "\(result.stderr)")
    #expect(bytes(path) == content, "never truncated")
  }

  @Test func aFIFOIsRefusedAtOnce() throws {
    let path = temporaryPath("fifo")
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(mkfifo(path, 0o600) == 0)
    let result = try refusal(state: path)
    #expect(result.status == 65)
    #expect(result.stderr.contains("is a FIFO (named pipe); it must be a regular file"), "\(result.stderr)")
  }

  @Test func twoServersCannotShareOneStateFile() async throws {
    let (state, audit) = (temporaryPath("state"), temporaryPath("audit"))
    defer { for path in [state, audit] { try? FileManager.default.removeItem(atPath: path) } }
    let first = try ServeProcess(state: state, audit: audit)
    defer { first.kill() }
    let result = try refusal(state: state)
    #expect(result.status == 65)
    #expect(result.stderr.contains("another process is using it"), "\(result.stderr)")
  }

  @Test func anotherAtThanTheFileWasStartedWithIsRefused() async throws {
    let (state, audit) = (temporaryPath("state"), temporaryPath("audit"))
    defer { for path in [state, audit] { try? FileManager.default.removeItem(atPath: path) } }
    try ServeProcess(state: state, audit: audit, extra: ["--at", "2024-03-13T13:45:00.000Z"]).kill()
    let result = try refusal(state: state, extra: ["--seed", "3", "--at", "2025-01-01T00:00:00.000Z"])
    #expect(result.status == 65)
    #expect(result.stderr.contains("it was started with --at 2024-03-13T13:45:00.000Z"), "\(result.stderr)")
    let again = try ServeProcess(state: state, audit: audit)  // without --at: the file's clock
    defer { again.kill() }
    let (_, clock) = try await again.call("GET", "/_sendout/clock")
    #expect(clock["now"] == "2024-03-13T13:45:00.000Z" && clock["simulated"] == true, "\(clock)")
  }

  /// A real full disk (a 256 KiB tmpfs in a private mount namespace): the call the journal cannot take gets 507 with
  /// Voucherify's error body and is not in the world; the file holds whole records only, and a restart replays them.
  @Test func aFullDiskAnswers507AndLeavesAJournalThatReplays() async throws {
    let dir = temporaryPath("full")
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let script = #"mount -t tmpfs -o size=256k tmpfs "$SENDOUT_DIR" && exec "$@""#
    setenv("SENDOUT_DIR", dir, 1)
    let serve = try ServeProcess(
      state: dir + "/state.jsonl", audit: dir + "/audit.jsonl",
      launcher: ["/usr/bin/unshare", "-m", "sh", "-c", script, "sh"])
    defer { serve.kill() }
    let pad = String(repeating: "p", count: 8_000)
    var accepted: [String] = []
    var refused: (String, JSON)?
    for n in 0..<200 where refused == nil {
      let (status, answer) = try await serve.call(
        "POST", "/v1/customers", body: #"{"source_id":"c\#(n)","metadata":{"pad":"\#(pad)"}}"#)
      if status == 200 { accepted.append("c\(n)") } else { refused = ("c\(n)", answer) }
    }
    let (missing, error) = try #require(refused, "the disk filled up")
    #expect(error["code"] == 507 && error["key"] == "insufficient_storage", "\(error)")
    #expect(error["request_id"]?.stringValue?.isEmpty == false)
    let (notThere, _) = try await serve.call("GET", "/v1/customers/\(missing)")
    #expect(notThere == 404, "the refused call was undone")
    let (there, _) = try await serve.call("GET", "/v1/customers/\(try #require(accepted.last))")
    #expect(there == 200)
    // The file as the server sees it (its mount namespace), copied out and replayed by a fresh server.
    let journal = bytes("/proc/\(serve.process.processIdentifier)/root\(dir)/state.jsonl")
    serve.kill()
    let copy = temporaryPath("copy")
    defer { try? FileManager.default.removeItem(atPath: copy) }
    #expect(FileManager.default.createFile(atPath: copy, contents: Data(journal)))
    let replayed = try ServeProcess(state: copy, audit: temporaryPath("audit"))
    defer { replayed.kill() }
    // The accepted creates and the two reads after the refusal; not the refused create.
    #expect(replayed.firstLine.contains("\(accepted.count + 2) calls replayed"), "\(replayed.firstLine)")
  }
}
