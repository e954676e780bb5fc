import Foundation
import Synchronization

/// Idle keep-alive `SocketConnection`s by target, shared by every plain-`http` sender (`SocketTransport` for `fire`,
/// `run` and `retry`; the serve delivery queue's workers): consecutive sendouts reuse a connection, as URLSession's
/// pool did, so a run of thousands of sendouts does not leave a `TIME_WAIT` socket, and an ephemeral port, each.
/// A connection is used by one thread at a time: `take` hands it out, `put` gives it back when still open.
final class SocketConnectionPool: Sendable {
  /// The process's pool.
  static let shared = SocketConnectionPool()
  /// Idle connections kept per target (more are closed): as many as serve has workers.
  static let maxIdlePerTarget = 16
  /// Targets kept (past it, every idle connection is closed): at most 256 idle sockets in all.
  static let maxTargets = 16

  private let idle = Mutex<[String: [SocketConnection]]>([:])

  /// An idle connection to `target`, or a new one (opened on its first exchange).
  func take(_ target: LoadTarget) -> SocketConnection {
    idle.withLock { $0[Self.key(target)]?.popLast() } ?? SocketConnection(target: target)
  }

  /// Gives `connection` back for the next exchange; a closed one (failed, or the server closed it) is dropped.
  func put(_ connection: SocketConnection) {
    guard connection.isOpen else { return }
    let key = Self.key(connection.target)
    let dropped: [SocketConnection] = idle.withLock { idle in
      if idle[key] == nil, idle.count >= Self.maxTargets {
        let all = idle.values.flatMap { $0 }
        idle = [:]
        idle[key] = [connection]
        return all
      }
      guard idle[key, default: []].count < Self.maxIdlePerTarget else { return [connection] }
      idle[key, default: []].append(connection)
      return []
    }
    for extra in dropped { extra.close() }
  }

  private static func key(_ target: LoadTarget) -> String { "\(target.host) \(target.port)" }
}
