import Foundation
import SendoutCore
import Synchronization

/// The HTTP server loop of the listener (and of any other `HTTPHandler`): one thread, an `EventPoll` over the
/// listening socket, a wake-up pipe and every connection. Delayed answers and timeouts are deadlines in the loop, so a
/// slow answer never blocks other connections. A wake-up services only the connections it saw, and all of them when
/// the earliest deadline comes.
// @unchecked: the descriptors and connection table are confined to the loop's own thread; only `stop` crosses.
final class ListenerLoop: @unchecked Sendable {
  /// How long the listening socket is left unwatched when the process is out of descriptors and no connection is
  /// idle to make room (a closing connection ends the pause sooner).
  static let outOfFilesPauseMilliseconds: Int64 = 100

  private let listenFD: Int32
  private unowned let owner: any HTTPHandler
  private let configuration: HTTPServerConfiguration
  /// This loop's share of the server's connections.
  private let maxConnections: Int
  /// While set, `accept` would fail for want of descriptors: the listening socket is not watched until then.
  private var acceptPausedUntil: Int64?
  private var listenerWatched = EventPoll.Interest()
  /// Times the wait returned: a loop that spins shows here (the tests read it).
  let wakeups = Atomic<Int>(0)
  /// The configuration's `hostGuard` when bound to a loopback address.
  private let hostGuard: LoopbackHostGuard?
  private let poller: EventPoll
  private var wakeRead: Int32 = -1
  private var wakeWrite: Int32 = -1
  private let stopping = Atomic<Bool>(false)
  private let finished = DispatchSemaphore(value: 0)
  private var connections: [Int32: ListenerConnection] = [:]
  /// The connections seen in this wake-up, serviced at its end.
  private var touched: [ListenerConnection] = []
  /// No later than the earliest deadline of any connection: every connection is serviced then.
  private var nextSweep: Int64 = 0
  private var buffer = [UInt8](repeating: 0, count: 65_536)
  private var activityCounter = 0

  init(listener: Int32, owner: any HTTPHandler, configuration: HTTPServerConfiguration, maxConnections: Int)
    throws(ListenerError)
  {
    guard let poller = EventPoll() else { throw .socket(call: "epoll_create1", reason: Platform.lastError()) }
    self.poller = poller
    listenFD = listener
    self.owner = owner
    self.configuration = configuration
    self.maxConnections = maxConnections
    hostGuard = HTTPServer.isLoopback(configuration.host) ? configuration.hostGuard : nil
    (wakeRead, wakeWrite) = Platform.makeWakePipe()
  }

  func start() {
    let thread = Thread { [self] in run() }
    thread.name = "sendout-listener"
    thread.start()
  }

  /// Closes the sockets of a loop that was never started.
  func closeUnstarted() {
    Platform.close(listenFD)
    Platform.close(wakeRead)
    Platform.close(wakeWrite)
  }

  func stop() {
    stopping.store(true, ordering: .releasing)
    Platform.wake(wakeWrite)
    _ = finished.wait(timeout: .now() + 2)
  }

  private var isStopping: Bool { stopping.load(ordering: .acquiring) }

  private func run() {
    var wakeWatched = EventPoll.Interest()
    _ = poller.watch(wakeRead, key: Int(wakeRead), &wakeWatched, as: .init(read: true))
    while !isStopping {
      watchListener()
      let before = Platform.monotonicMilliseconds()
      poller.wait(timeoutMilliseconds: Int32(max(0, min(nextSweep, acceptPausedUntil ?? .max) - before)))
      wakeups.add(1, ordering: .relaxed)
      if isStopping { break }
      var accepting = false
      for i in 0..<poller.count {
        let event = poller[i]
        if event.key == wakeRead {
          Platform.drain(wakeRead)
        } else if event.key == listenFD {
          accepting = true
        } else if let connection = connections[Int32(truncatingIfNeeded: event.key)] {
          if event.readable { read(connection) }
          touch(connection)
        }
      }
      let now = Platform.monotonicMilliseconds()
      if let until = acceptPausedUntil, now >= until { acceptPausedUntil = nil }
      if accepting && acceptPausedUntil == nil { acceptAll(now: now) }
      service(now: now)
    }
    for connection in connections.values { Platform.close(connection.fd) }
    connections.removeAll()
    touched.removeAll()
    Platform.close(listenFD)
    Platform.close(wakeRead)
    Platform.close(wakeWrite)
    finished.signal()
  }

  /// Watches the listening socket unless accepting is paused.
  private func watchListener() {
    _ = poller.watch(listenFD, key: Int(listenFD), &listenerWatched, as: .init(read: acceptPausedUntil == nil))
  }

  private func touch(_ connection: ListenerConnection) {
    guard !connection.touched else { return }
    connection.touched = true
    touched.append(connection)
  }

  private func acceptAll(now: Int64) {
    while true {
      let fd: Int32
      switch accept() {
      case .none: return
      case .outOfFiles:
        // The newcomer stays queued and the listening socket readable: watching it now would spin. Make room by
        // closing the connection idle the longest, or stop watching until a connection closes.
        if evictOldestIdle() { continue }
        acceptPausedUntil = now + Self.outOfFilesPauseMilliseconds
        return
      case .connection(let accepted): fd = accepted
      }
      if connections.count >= maxConnections && !evictOldestIdle() {
        Platform.close(fd)  // every connection is mid-request: the newcomer waits for none of them
        continue
      }
      let connection = ListenerConnection(fd: fd, limits: configuration.limits, now: now)
      activityCounter += 1
      connection.activityOrder = activityCounter
      connections[fd] = connection
      touch(connection)  // watched from the end of this wake-up on
    }
  }

  private func accept() -> Platform.Accepted {
    if let limit = configuration.simulatedFileLimit, connections.count >= limit {
      var waiting = [Platform.PollEntry(fd: listenFD, wantRead: true)]  // EMFILE only when a connection waits
      Platform.poll(&waiting, timeoutMilliseconds: 0)
      return waiting[0].readable ? .outOfFiles : .none
    }
    return Platform.accept(listenFD)
  }

  /// At the connection cap (or out of descriptors): closes the connection idle the longest (between requests, nothing to send),
  /// so a crowd of idle clients cannot lock a real one out. Returns `false` when none is idle.
  private func evictOldestIdle() -> Bool {
    var oldest: ListenerConnection?
    for connection in connections.values
    where !connection.closed && connection.isDrained && !connection.parser.hasPartialMessage {
      if connection.activityOrder < oldest?.activityOrder ?? Int.max { oldest = connection }
    }
    guard let oldest else { return false }
    discard(oldest)
    return true
  }

  private func read(_ connection: ListenerConnection) {
    guard !connection.stopReading, !connection.isBackedUp else { return }
    let now = Platform.monotonicMilliseconds()
    for _ in 0..<8 {
      switch Platform.read(connection.fd, into: &buffer) {
      case .bytes(let n):
        owner.count(bytes: n)
        connection.lastActivity = now
        activityCounter += 1
        connection.activityOrder = activityCounter
        if connection.requestStartedAt == nil { connection.requestStartedAt = now }
        connection.parser.feed(buffer[0..<n])
        parse(connection, now: now)
        // Answer now rather than after every readable connection is read: the client starts on this answer while
        // the loop reads the next connection (writing them all at the end of the wake-up made the two take turns).
        connection.release(now: now)
        if !connection.flush() {
          connection.closed = true
          return
        }
        if connection.stopReading || n < buffer.count { return }
      case .wouldBlock:
        return
      case .end:
        connection.stopReading = true
        if connection.isDrained { connection.closed = true } else { connection.closeWhenFlushed = true }
        return
      }
    }
  }

  private func parse(_ connection: ListenerConnection, now: Int64) {
    do {
      while !connection.stopReading, let message = try connection.parser.next() {
        answer(message, on: connection, now: now)
        connection.requestStartedAt = nil
      }
      if connection.parser.hasPartialMessage, connection.requestStartedAt == nil { connection.requestStartedAt = now }
      if connection.parser.takeContinueRequest() {
        connection.queue(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8), readyAt: now, close: false, now: now)
      }
    } catch {
      reject(connection, status: error.status, reason: error.reason, now: now)
    }
  }

  private func answer(_ message: HTTPMessage, on connection: ListenerConnection, now: Int64) {
    if let refusal = hostGuard?.refusal(message.head) {
      reject(connection, status: 403, reason: refusal, now: now)
      return
    }
    let reply = owner.reply(to: message)
    let keepAlive = message.head.keepAlive
    let bytes = HTTPSerializer.response(
      status: reply.status, headers: reply.headers, body: reply.body, keepAlive: keepAlive,
      headOnly: message.head.method == "HEAD")
    connection.queue(bytes, readyAt: now + reply.delayMilliseconds, close: !keepAlive, now: now)
    if !keepAlive { connection.stopReading = true }
  }

  private func reject(_ connection: ListenerConnection, status: Int, reason: String, now: Int64) {
    let reply = owner.rejection(status: status, reason: reason)
    let bytes = HTTPSerializer.response(
      status: reply.status, headers: reply.headers, body: reply.body, keepAlive: false)
    connection.queue(bytes, readyAt: now, close: true, now: now)
    connection.stopReading = true
  }

  /// Services the connections this wake-up saw, or all of them when a deadline is due: sends what is due, times
  /// out, closes, and watches each for what it waits for.
  private func service(now: Int64) {
    if now >= nextSweep {
      nextSweep = now + 1000
      for connection in connections.values { touch(connection) }
    }
    for connection in touched {
      connection.touched = false
      guard connections[connection.fd] === connection else { continue }  // evicted in this wake-up
      service(connection, now: now)
      if connection.closed {
        discard(connection)
        continue
      }
      let wanted = EventPoll.Interest(read: connection.wantsRead, write: connection.hasUnsentOutput)
      guard poller.watch(connection.fd, key: Int(connection.fd), &connection.watched, as: wanted) else {
        discard(connection)  // the kernel would not watch it (out of memory): it would never be served
        continue
      }
      nextSweep = min(
        nextSweep,
        connection.deadline(
          readTimeout: configuration.readTimeoutMilliseconds, idleTimeout: configuration.idleTimeoutMilliseconds))
    }
    touched.removeAll(keepingCapacity: true)
  }

  private func service(_ connection: ListenerConnection, now: Int64) {
    if !connection.closed {
      connection.release(now: now)
      if !connection.flush() { connection.closed = true }
    }
    if connection.closeWhenFlushed && connection.isDrained { connection.closed = true }
    guard !connection.closed && connection.isDrained && !connection.stopReading else { return }
    if let deadline = connection.requestDeadline(readTimeout: configuration.readTimeoutMilliseconds) {
      if now >= deadline {
        reject(
          connection, status: 408, reason: "no complete request within \(configuration.readTimeoutMilliseconds) ms",
          now: now)
        connection.release(now: now)
        if !connection.flush() || connection.isDrained { connection.closed = true }
      }
    } else if now - connection.lastActivity >= configuration.idleTimeoutMilliseconds {
      connection.closed = true
    }
  }

  /// Closes a connection and forgets it; its descriptor leaves the poll set as it closes.
  private func discard(_ connection: ListenerConnection) {
    connection.closed = true
    Platform.close(connection.fd)
    connections[connection.fd] = nil
    acceptPausedUntil = nil  // a descriptor is free again
  }
}
