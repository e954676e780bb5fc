import Foundation
import SendoutCore
import SendoutIO
import Testing

/// Issue 21, item 5: `load` resolves host names with `getaddrinfo` and tries every address, IPv6 and IPv4, as
/// `fire` does, so a dev server bound to `::1` only is reached at `localhost`.
@Suite(.timeLimit(.minutes(1))) struct LoadTargetResolutionTests {
  /// Sends 10 requests to `url` with a 1 s timeout (an unreachable target gives up after it, not after 10 s).
  func load(_ url: String) async -> LoadStats? {
    guard case .success(let target) = LoadTarget.parse(url) else {
      Issue.record("LoadTarget refused \(url): \(LoadTarget.parse(url))")
      return nil
    }
    let configuration = LoadConfiguration(
      target: target, connections: 2, threads: 1, count: 10, timeoutMilliseconds: 1_000)
    return await LoadTestSupport.run(configuration).0
  }

  @Test func localhostReachesAServerBoundToIPv6LoopbackOnly() async throws {
    let listener = WebhookListener(configuration: ListenerConfiguration(host: "::1", port: 0, secret: "s"))
    do { try listener.start() } catch {
      withKnownIssue("no IPv6 loopback on this machine") { throw error }
      return
    }
    defer { listener.stop() }
    let stats = await load("http://localhost:\(listener.port)/webhooks")
    #expect(stats?.statusCounts == [200: 10], "errors: \(String(describing: stats?.errorCounts))")
  }

  @Test func aNameFromEtcHostsIsResolved() async throws {
    // The first name other than `localhost` that /etc/hosts maps to 127.0.0.1 (`vm`, a container's own name…).
    let hosts = (try? String(contentsOfFile: "/etc/hosts", encoding: .utf8)) ?? ""
    let name = hosts.split(separator: "\n").compactMap { line -> Substring? in
      let fields = line.split(whereSeparator: \.isWhitespace)
      guard fields.first == "127.0.0.1" else { return nil }
      return fields.dropFirst().prefix { !$0.hasPrefix("#") }.first { $0 != "localhost" }
    }.first
    guard let name else {
      print("skipped: /etc/hosts maps no name other than localhost to 127.0.0.1")
      return
    }
    let listener = try LoadTestSupport.listener()
    defer { listener.stop() }
    let stats = await load("http://\(name):\(listener.port)/webhooks")
    #expect(stats?.statusCounts == [200: 10], "\(name): errors \(String(describing: stats?.errorCounts))")
  }

  @Test func anUnresolvableNameIsOneLineNamingIt() throws {
    let started = Date()
    let result = LoadTarget.parse("http://no-such-host.invalid:3000/hooks")
    guard case .failure(let error) = result else {
      Issue.record("expected a failure, got \(result)")
      return
    }
    #expect(error.description.contains("cannot resolve the host name 'no-such-host.invalid'"), "\(error)")
    #expect(!error.description.contains("\n"))
    #expect(Date().timeIntervalSince(started) < 5)
  }

  @Test func aMalformedHostIsRefusedWithoutALookup() {
    let result = LoadTarget.parse("http://bad host:3000/")
    guard case .failure(let error) = result else {
      Issue.record("expected a failure, got \(result)")
      return
    }
    #expect(error.description.contains("got 'bad host'"), "\(error)")
  }
}
