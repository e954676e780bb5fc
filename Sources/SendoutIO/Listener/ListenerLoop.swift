import Foundation
import SendoutCore

#if canImport(Glibc)
  import Glibc
#endif

/// The listener's event loop: one thread, `poll()` over the listening socket, a wake-up pipe and every
/// connection. Delayed answers and timeouts are deadlines in the loop, so a slow answer never blocks
/// other connections.
final class ListenerLoop: @unchecked Sendable {
  private let listenFD: Int32
  private unowned let owner: WebhookListener
  private let configuration: ListenerConfiguration
  private var wakeRead: Int32 = -1
  private var wakeWrite: Int32 = -1
  private let stopLock = NSLock()
  private var stopping = false
  private let finished = DispatchSemaphore(value: 0)
  private var connections: [Int32: ListenerConnection] = [:]
  private var buffer = [UInt8](repeating: 0, count: 65_536)

  init(listener: Int32, owner: WebhookListener, configuration: ListenerConfiguration) {
    listenFD = listener
    self.owner = owner
    self.configuration = configuration
    var fds: [Int32] = [0, 0]
    if pipe(&fds) == 0 {
      wakeRead = fds[0]
      wakeWrite = fds[1]
      Socket.setNonBlocking(wakeRead)
    }
  }

  func start() {
    let thread = Thread { [self] in run() }
    thread.name = "sendout-listener"
    thread.start()
  }

  func stop() {
    stopLock.withLock { stopping = true }
    var byte: UInt8 = 1
    _ = write(wakeWrite, &byte, 1)
    _ = finished.wait(timeout: .now() + 2)
  }

  private var isStopping: Bool { stopLock.withLock { stopping } }

  private func run() {
    while !isStopping {
      var fds = [
        pollfd(fd: listenFD, events: Int16(POLLIN), revents: 0),
        pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0),
      ]
      for connection in connections.values {
        var events: Int16 = 0
        if !connection.stopReading && !connection.isBackedUp { events |= Int16(POLLIN) }
        if connection.hasUnsentOutput { events |= Int16(POLLOUT) }
        fds.append(pollfd(fd: connection.fd, events: events, revents: 0))
      }
      _ = poll(&fds, nfds_t(fds.count), pollTimeout(now: Socket.monotonicMilliseconds()))
      if fds[1].revents != 0 { drainWakePipe() }
      if isStopping { break }
      if fds[0].revents & Int16(POLLIN) != 0 { acceptAll() }
      for entry in fds.dropFirst(2) where entry.revents != 0 {
        guard let connection = connections[entry.fd] else { continue }
        if entry.revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 { read(connection) }
      }
      service(now: Socket.monotonicMilliseconds())
    }
    for connection in connections.values { close(connection.fd) }
    connections.removeAll()
    close(listenFD)
    close(wakeRead)
    close(wakeWrite)
    finished.signal()
  }

  private func pollTimeout(now: Int64) -> Int32 {
    var deadline = now + 1000
    for connection in connections.values {
      if let first = connection.pending.first { deadline = min(deadline, first.readyAt) }
      let limit =
        connection.parser.hasPartialMessage
        ? configuration.readTimeoutMilliseconds : configuration.idleTimeoutMilliseconds
      deadline = min(deadline, connection.lastActivity + limit)
    }
    return Int32(max(0, deadline - now))
  }

  private func drainWakePipe() {
    var bytes = [UInt8](repeating: 0, count: 64)
    while Glibc.read(wakeRead, &bytes, bytes.count) > 0 {}
  }

  private func acceptAll() {
    while let fd = Socket.accept(listenFD) {
      guard connections.count < configuration.maxConnections else {
        close(fd)
        continue
      }
      connections[fd] = ListenerConnection(fd: fd, limits: configuration.limits, now: Socket.monotonicMilliseconds())
    }
  }

  private func read(_ connection: ListenerConnection) {
    guard !connection.stopReading, !connection.isBackedUp else { return }
    let now = Socket.monotonicMilliseconds()
    for _ in 0..<8 {
      let n = buffer.withUnsafeMutableBytes { Glibc.read(connection.fd, $0.baseAddress, $0.count) }
      if n > 0 {
        connection.lastActivity = now
        connection.parser.feed(buffer[0..<n])
        parse(connection, now: now)
        if connection.stopReading || n < buffer.count { return }
      } else if n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
        connection.stopReading = true
        if connection.isDrained { connection.closed = true } else { connection.closeWhenFlushed = true }
        return
      } else {
        return
      }
    }
  }

  private func parse(_ connection: ListenerConnection, now: Int64) {
    do {
      while !connection.stopReading, let message = try connection.parser.next() {
        answer(message, on: connection, now: now)
      }
      if connection.parser.takeContinueRequest() {
        connection.pending.append(.init(readyAt: now, bytes: Array("HTTP/1.1 100 Continue\r\n\r\n".utf8), close: false))
      }
    } catch {
      reject(connection, status: error.status, reason: error.reason, now: now)
    }
  }

  private func answer(_ message: HTTPMessage, on connection: ListenerConnection, now: Int64) {
    let (behavior, status) = owner.nextAnswer()
    let request = ReceivedWebhook(
      message: message, secret: configuration.secret, receivedAt: SystemClock().now(), respondedStatus: status)
    owner.record(request)
    let keepAlive = message.head.keepAlive
    let body: JSON =
      (200...299).contains(status) ? ["received": true] : ["error": .string("status \(status) from sendout listen")]
    let bytes = HTTPSerializer.response(
      status: status, headers: [HTTPHeader("content-type", "application/json")] + behavior.headers,
      body: body.compactBytes,
      keepAlive: keepAlive)
    connection.pending.append(.init(readyAt: now + behavior.delayMilliseconds, bytes: bytes, close: !keepAlive))
    if !keepAlive { connection.stopReading = true }
  }

  private func reject(_ connection: ListenerConnection, status: Int, reason: String, now: Int64) {
    let body: JSON = ["error": .string(reason)]
    let bytes = HTTPSerializer.response(
      status: status, headers: [HTTPHeader("content-type", "application/json")], body: body.compactBytes,
      keepAlive: false)
    connection.pending.append(.init(readyAt: now, bytes: bytes, close: true))
    connection.stopReading = true
  }

  private func service(now: Int64) {
    for connection in connections.values {
      if !connection.closed {
        connection.release(now: now)
        if !connection.flush() { connection.closed = true }
      }
      if connection.closeWhenFlushed && connection.isDrained { connection.closed = true }
      if !connection.closed && connection.isDrained && !connection.stopReading {
        if connection.parser.hasPartialMessage {
          if now - connection.lastActivity >= configuration.readTimeoutMilliseconds {
            reject(
              connection, status: 408, reason: "no complete request within \(configuration.readTimeoutMilliseconds) ms",
              now: now)
            connection.release(now: now)
            _ = connection.flush()
          }
        } else if now - connection.lastActivity >= configuration.idleTimeoutMilliseconds {
          connection.closed = true
        }
      }
      if connection.closed {
        close(connection.fd)
        connections[connection.fd] = nil
      }
    }
  }
}
