import Foundation
import SendoutCore

/// An HTTP/1.1 server on plain sockets and `poll()`, one background thread (or `configuration.threads`, each with
/// its own socket on the port), many keep-alive connections, with the listener's limits and timeouts; every complete
/// request is answered by `handler`. The webhook receiver and the
/// mock API both run on it. The handler is not retained: its owner keeps it alive while the server runs.
public final class HTTPServer: @unchecked Sendable {
  /// Host, port, limits and timeouts (its webhook-specific fields are the handler's business).
  public let configuration: ListenerConfiguration
  private unowned let handler: any HTTPHandler
  private let lock = NSLock()
  private var boundPort = 0
  private var loops: [ListenerLoop] = []

  /// A server that is not yet listening; call `start()`.
  public init(configuration: ListenerConfiguration, handler: any HTTPHandler) {
    self.configuration = configuration
    self.handler = handler
  }

  deinit { stop() }

  /// Binds, listens and starts serving on a background thread; returns the bound port (useful with port 0).
  @discardableResult
  public func start() throws(ListenerError) -> Int {
    guard lock.withLock({ loops.isEmpty }) else { throw .alreadyStarted }
    let threads = max(1, configuration.threads)
    var started: [ListenerLoop] = []
    var port = configuration.port
    do throws(ListenerError) {
      for _ in 0..<threads {
        let (fd, bound) = try Platform.listen(host: configuration.host, port: port, reusePort: threads > 1)
        port = bound
        started.append(ListenerLoop(listener: fd, owner: handler, configuration: configuration))
      }
    } catch {
      for loop in started { loop.closeUnstarted() }
      throw error
    }
    lock.withLock {
      loops = started
      boundPort = port
    }
    for loop in started { loop.start() }
    return port
  }

  /// Stops serving and closes every connection; waits (briefly) for the thread to finish. Idempotent.
  public func stop() {
    let stopping = lock.withLock {
      let all = loops
      loops = []
      return all
    }
    for loop in stopping { loop.stop() }
  }

  /// The bound port (0 before `start`).
  public var port: Int { lock.withLock { boundPort } }

  /// `http://HOST:PORT` of the running server (`http://[::1]:PORT` for an IPv6 host).
  public var baseURL: String { Self.baseURL(host: configuration.host, port: port) }

  /// Whether binding `host` keeps a server on this machine (`localhost`, `127.x.y.z`, `::1`): the listener's UI and the
  /// dashboard warn otherwise, and the `Host` check (`ListenerConfiguration.hostGuard`) is skipped then.
  public static func isLoopback(_ host: String) -> Bool { LoopbackHostGuard.isLoopback(host) }

  /// `http://HOST:PORT`, with an IPv6 host in brackets.
  static func baseURL(host: String, port: Int) -> String {
    host.contains(":") && !host.hasPrefix("[") ? "http://[\(host)]:\(port)" : "http://\(host):\(port)"
  }
}
