import Foundation
import SendoutCore
import Synchronization

/// An HTTP/1.1 server on plain sockets and `epoll`, one background thread (or `configuration.threads`, each with
/// its own socket on the port), many keep-alive connections, with the configuration's limits and timeouts; every
/// complete request is answered by `handler`. The webhook receiver, the mock API and the dashboard run on it. The
/// handler is not retained: its owner keeps it alive while the server runs.
public final class HTTPServer: Sendable {
  /// Host, port, threads, limits, timeouts and the connection cap.
  public let configuration: HTTPServerConfiguration
  private unowned let handler: any HTTPHandler
  /// The serving loops (none before `start` and after `stop`) and the bound port.
  private let state = Mutex<(loops: [ListenerLoop], port: Int)>(([], 0))

  /// A server that is not yet listening; call `start()`.
  public init(configuration: HTTPServerConfiguration, handler: any HTTPHandler) {
    self.configuration = configuration
    self.handler = handler
  }

  deinit { stop() }

  /// Binds, listens and starts serving on a background thread; returns the bound port (useful with port 0).
  @discardableResult
  public func start() throws(ListenerError) -> Int {
    guard state.withLock({ $0.loops.isEmpty }) else { throw .alreadyStarted }
    let threads = max(1, configuration.threads)
    var started: [ListenerLoop] = []
    var port = configuration.port
    let cap = Self.connectionCap(configured: configuration.maxConnections, fileLimit: Platform.openFileLimit())
    let share = (cap + threads - 1) / threads
    do throws(ListenerError) {
      for _ in 0..<threads {
        let (fd, bound) = try Platform.listen(
          host: configuration.host, port: port, reusePort: threads > 1, joining: !started.isEmpty)
        port = bound
        do throws(ListenerError) {
          started.append(
            try ListenerLoop(listener: fd, owner: handler, configuration: configuration, maxConnections: share))
        } catch {
          Platform.close(fd)
          throw error
        }
      }
    } catch {
      for loop in started { loop.closeUnstarted() }
      throw error
    }
    state.withLock { $0 = (started, port) }
    for loop in started { loop.start() }
    return port
  }

  /// Stops serving and closes every connection; waits (briefly) for the thread to finish. Idempotent.
  public func stop() {
    let stopping = state.withLock { state in
      defer { state.loops = [] }
      return state.loops
    }
    for loop in stopping { loop.stop() }
  }

  /// The connections a server holds at once: `configured`, lowered below the open-file limit so that idle clients
  /// can never take the descriptors the journal, the audit log and webhook deliveries need (an eighth of the
  /// limit, at least 32, is left to them). Example: `ulimit -n 1024` → 896.
  static func connectionCap(configured: Int, fileLimit: Int?) -> Int {
    guard let fileLimit else { return max(1, configured) }
    return max(1, min(configured, fileLimit - max(32, fileLimit / 8)))
  }

  /// Times the serving loops' waits returned, all threads together (a spinning loop shows here; for tests).
  var wakeups: Int { state.withLock { $0.loops }.reduce(0) { $0 + $1.wakeups.load(ordering: .relaxed) } }

  /// The bound port (0 before `start`).
  public var port: Int { state.withLock { $0.port } }

  /// `http://HOST:PORT` of the running server (`http://[::1]:PORT` for an IPv6 host).
  public var baseURL: String { Self.baseURL(host: configuration.host, port: port) }

  /// Whether binding `host` keeps a server on this machine (`localhost`, `127.x.y.z`, `::1`): the listener's UI and the
  /// dashboard warn otherwise, and the `Host` check (`HTTPServerConfiguration.hostGuard`) is skipped then.
  public static func isLoopback(_ host: String) -> Bool { LoopbackHostGuard.isLoopback(host) }

  /// Whether a request to `url` would reach a server bound to `host`:`port` on this machine (a webhook aimed there
  /// would call the server again with every delivery): the same port, and the same address, or, for a loopback or
  /// wildcard bind, any loopback or wildcard address (`localhost`, `127.0.0.1`, `127.1`, `[::1]`, `0.0.0.0`). Other
  /// names are not resolved. Port 0 (not yet bound) reaches nothing.
  public static func reaches(_ url: String, host: String, port: Int) -> Bool {
    guard port > 0, let components = URLComponents(string: url), let target = components.host else { return false }
    guard (components.port ?? (components.scheme?.lowercased() == "https" ? 443 : 80)) == port else { return false }
    let aimed = Platform.hostKind(target)
    switch Platform.hostKind(host) {
    case .loopback, .wildcard: return aimed == .loopback || aimed == .wildcard
    case .other(let bound): return aimed == .other(bound)
    }
  }

  /// `http://HOST:PORT`, with an IPv6 host in brackets.
  static func baseURL(host: String, port: Int) -> String {
    host.contains(":") && !host.hasPrefix("[") ? "http://[\(host)]:\(port)" : "http://\(host):\(port)"
  }
}
