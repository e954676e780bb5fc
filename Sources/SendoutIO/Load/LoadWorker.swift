import SendoutCore
import Synchronization

/// One generator thread: an event loop over its share of the connections that paces requests (open loop)
/// or keeps every connection busy (closed loop), renders each request from its own event pool, and
/// measures latency from each request's intended send time. Allocates nothing per request beyond the
/// request bytes, so memory stays flat however long it runs.
final class LoadWorker {
  private let index: Int
  private let configuration: LoadConfiguration
  private let pacer: Pacer?
  private var source: EventPool
  private let startNanos: Int64
  private let shared: LoadShared
  private var connections: [ClientConnection]
  /// `nil` when the system would not make one (out of descriptors): the run then ends with nothing sent.
  private let poller: EventPoll?
  private let pollerFailure: String?
  private var readBuffer = [UInt8](repeating: 0, count: 65_536)
  private let writer: RequestWriter
  private var audit: LoadAuditWriter?
  /// Requests rendered and signed ahead while the loop would otherwise wait, oldest first (`RenderAhead`): a due
  /// request, or a backlog after the thread was preempted, then only has to be written (rendering and signing are
  /// most of the per-request CPU).
  private var ahead: RenderAhead
  private(set) var stats = LoadStats()

  // Open loop: this thread sends requests index, index + threads, index + 2·threads, …; those from
  // `nextToSend` up to (not including) `nextRequest` are due and waiting for a connection. Two indices,
  // not a queue: however far behind the generator falls, memory stays flat and catching up is O(1).
  private var nextRequest: Int
  private var nextToSend: Int
  // Closed loop: this thread's share of --count.
  private var budget: Int?
  /// When a connection last connected, a response last arrived or a connected socket last failed: no progress for a whole timeout while
  /// requests wait means the target is unreachable, and the rest are recorded as not sent.
  private var lastProgress: Int64 = 0
  private var lastPublished: Int64 = 0

  init(index: Int, configuration: LoadConfiguration, source: EventPool, startNanos: Int64, shared: LoadShared) {
    self.index = index
    self.configuration = configuration
    self.pacer = configuration.schedule.map(Pacer.init(schedule:))
    self.source = source
    self.startNanos = startNanos
    self.shared = shared
    nextRequest = index
    nextToSend = index
    ahead = RenderAhead(capacity: configuration.schedule == nil ? 64 : 256)
    writer = RequestWriter(target: configuration.target.path, host: configuration.target.hostHeader)
    if let path = configuration.auditPath {
      switch LoadAuditWriter.open(path, includeBodies: configuration.auditBodies) {
      case .success(let writer): audit = writer
      case .failure(let error): shared.reportAuditFailure("\(path): \(error.reason)")
      }
    }
    let share =
      configuration.connections / configuration.threads
      + (index < configuration.connections % configuration.threads ? 1 : 0)
    connections = Array(repeating: ClientConnection(), count: max(1, share))
    poller = EventPoll()
    pollerFailure = poller == nil ? "epoll_create1: \(Platform.lastError())" : nil
    if let count = configuration.count {
      budget = count / configuration.threads + (index < count % configuration.threads ? 1 : 0)
    }
  }

  private var now: Int64 { Platform.monotonicNanoseconds() - startNanos }
  private var timeoutNanos: Int64 { configuration.timeoutMilliseconds * 1_000_000 }

  /// Runs until the schedule, count or duration is done and every request has an outcome, or until stopped.
  func run() {
    if let pollerFailure {
      stats.connectErrors[.other(pollerFailure), default: 0] += 1
      abandonRemaining()
    }
    while !shared.stopRequested, let poller {
      let t = now
      queueDueRequests(t)
      for i in connections.indices { advance(i, at: t) }
      if finished(at: t) { break }
      if unreachable(at: t) {
        abandonRemaining()
        break
      }
      if moreWorkComing { renderAhead() }
      waitForSockets(poller, until: nextWake(now))
      let after = now
      for k in 0..<poller.count {
        let event = poller[k]
        handleEvents(event.key, readable: event.readable, writable: event.writable, at: after)
      }
      expireTimeouts(at: after)
      publish(at: after)
      audit?.flushIfDue(at: after)
    }
    audit?.flush(at: now)
    if let failure = audit?.failure { shared.reportAuditFailure(failure) }
    for i in connections.indices { connections[i].close(retryAt: 0) }
    shared.publish(index, stats)
  }

  // MARK: Scheduling

  private func queueDueRequests(_ t: Int64) {
    guard let pacer else { return }
    let due = pacer.dueCount(atElapsed: t)  // requests 0..<due are due by now
    if due > nextRequest {
      let threads = configuration.threads
      nextRequest += (due - nextRequest + threads - 1) / threads * threads  // the first of ours not yet due
    }
  }

  /// The next request for an idle connection: its intended time, or `nil` when there is none now.
  private func takeWork(at t: Int64) -> Int64? {
    if pacer != nil {
      guard nextToSend < nextRequest, let intended = pacer?.intendedOffset(of: nextToSend) else { return nil }
      nextToSend += configuration.threads
      return intended
    }
    if let remaining = budget {
      guard remaining > 0 else { return nil }
      budget = remaining - 1
    }
    if let duration = configuration.durationMilliseconds, Double(t) >= duration * 1_000_000 { return nil }
    return t
  }

  private var moreWorkComing: Bool {
    if let pacer { return nextToSend < nextRequest || nextRequest < pacer.totalCount }
    if let budget, budget <= 0 { return false }
    if let duration = configuration.durationMilliseconds { return Double(now) < duration * 1_000_000 }
    return true
  }

  private func finished(at t: Int64) -> Bool {
    if moreWorkComing { return false }
    return !anyConnection { $0 == .writing || $0 == .awaiting }
  }

  /// Whether any connection's state matches; by index, so the loop copies no connection (and retains none of its buffers).
  private func anyConnection(_ test: (ClientConnection.State) -> Bool) -> Bool {
    for i in connections.indices where test(connections[i].state) { return true }
    return false
  }

  private func nextWake(_ t: Int64) -> Int64 {
    var wake = t + 10_000_000
    if let pacer, let next = pacer.intendedOffset(of: nextRequest) { wake = min(wake, next) }
    for i in connections.indices {
      switch connections[i].state {
      case .writing, .awaiting: wake = min(wake, connections[i].sentAt + timeoutNanos)
      case .closed(let retryAt) where moreWorkComing: wake = min(wake, retryAt)
      default: break
      }
    }
    return wake
  }

  /// Watches each socket for what its state waits for, then waits for them until `wake`.
  private func waitForSockets(_ poller: EventPoll, until wake: Int64) {
    for i in connections.indices {
      let wanted: EventPoll.Interest
      switch connections[i].state {
      case .closed: continue
      case .connecting: wanted = .init(read: false, write: true)
      case .writing: wanted = .init(read: true, write: true)
      case .idle, .awaiting: wanted = .init(read: true, write: false)
      }
      if !poller.watch(connections[i].fd, key: i, &connections[i].watched, as: wanted) {
        fail(i, .socket(Platform.lastError().lowercased()), at: now)
      }
    }
    // The wait may end up to ~60 µs late (timer slack): aim that much early, and just check when closer.
    let remaining = wake - now - 60_000
    poller.wait(timeoutNanoseconds: remaining < 20_000 ? 0 : min(remaining, 10_000_000))
  }

  private func unreachable(at t: Int64) -> Bool {
    t - lastProgress > timeoutNanos
      && !anyConnection { $0 == .idle || $0 == .writing || $0 == .awaiting }
  }

  /// Records every request this thread still had to send as not sent.
  private func abandonRemaining() {
    var remaining = (nextRequest - nextToSend) / configuration.threads
    if let pacer, nextRequest < pacer.totalCount {
      remaining += (pacer.totalCount - nextRequest + configuration.threads - 1) / configuration.threads
    } else if pacer == nil {
      remaining += budget ?? 0
    }
    if remaining > 0 { stats.errorCounts[.notSentTargetUnreachable, default: 0] += remaining }
    nextRequest = Int.max / 2
    nextToSend = nextRequest
    budget = 0
  }

  // MARK: Connections

  private func advance(_ i: Int, at t: Int64) {
    switch connections[i].state {
    case .closed(let retryAt) where t >= retryAt && moreWorkComing:
      let addresses = configuration.target.addresses
      switch Platform.connect(
        host: addresses[connections[i].address % addresses.count], port: configuration.target.port)
      {
      case .success(let fd):
        connections[i].fd = fd
        connections[i].state = .connecting(since: t)
        stats.connectionsOpened += 1
      case .failure(let error):
        connectFailed(i, error.reason, at: t)
      }
    case .idle:
      guard let intended = takeWork(at: t) else { return }
      send(i, intended: intended, at: t)
    default:
      break
    }
  }

  /// Fills the render-ahead buffer while nothing waits: open loop until shortly before the next request is due,
  /// closed loop a few while every connection awaits its response.
  private func renderAhead() {
    if let pacer {
      guard nextToSend >= nextRequest, let due = pacer.intendedOffset(of: nextRequest) else { return }
      while !ahead.isFull && now < due - 30_000 { ahead.append(prepare) }
    } else if !anyConnection({ $0 == .idle }) {
      for _ in 0..<4 where !ahead.isFull { ahead.append(prepare) }
    }
  }

  /// Writes the pool's next request into `request`, reusing its buffer.
  private func prepare(_ request: inout PreparedRequest) {
    source.withNext { sendout in
      request.bodyStart = writer.write(sendout, into: &request.bytes)
      request.sendoutID = sendout.id
    }
  }

  private func send(_ i: Int, intended: Int64, at t: Int64) {
    if !ahead.take(into: &connections[i].request) { prepare(&connections[i].request) }
    connections[i].offset = 0
    connections[i].sentAt = t
    connections[i].measuredFrom = pacer == nil ? t : intended
    connections[i].state = .writing
    stats.sent += 1
    stats.timeline.recordSent(atMicros: connections[i].measuredFrom / 1000)
    stats.bodyBytes += connections[i].request.body.count
    if pacer != nil { stats.schedulingLag.record((t - intended) / 1000) }
    flush(i, at: t)
  }

  private func flush(_ i: Int, at t: Int64) {
    let n = Platform.write(connections[i].fd, connections[i].request.bytes, from: connections[i].offset)
    if n < 0 { return fail(i, .reset, at: t) }
    connections[i].offset += n
    if connections[i].offset == connections[i].request.bytes.count { connections[i].state = .awaiting }
  }

  private func handleEvents(_ i: Int, readable: Bool, writable: Bool, at t: Int64) {
    switch connections[i].state {
    case .connecting:
      guard writable else { return }
      if let error = Platform.connectError(connections[i].fd) { return connectFailed(i, error, at: t) }
      connections[i].addressesFailed = 0
      connections[i].state = .idle
      lastProgress = t
    case .writing:
      if writable { flush(i, at: t) }
      if connections[i].state == .awaiting && readable { read(i, at: t) }
    case .awaiting, .idle:
      if readable { read(i, at: t) }
    case .closed:
      break
    }
  }

  private func read(_ i: Int, at t: Int64) {
    while true {
      let (count, error) = Platform.readDetailed(connections[i].fd, into: &readBuffer)
      if count < 0 { return }
      if let error {
        // An orderly close ends a close-delimited response (HTTP/1.0, no content-length): it counts.
        if count == 0, connections[i].state == .awaiting, let message = try? connections[i].parser.finish() {
          complete(i, message, at: t)
          if connections[i].state == .idle { connections[i].close(retryAt: t) }
          return
        }
        return fail(i, .socket(error), at: t)
      }
      connections[i].parser.feed(readBuffer[0..<count])
      do {
        while let message = try connections[i].parser.next() {
          if let status = message.head.status, (100...199).contains(status), status != 101 { continue }  // interim
          guard connections[i].state == .awaiting else { return fail(i, .unsolicitedResponse, at: t) }
          complete(i, message, at: t)
          return
        }
      } catch {
        return fail(i, .badResponse(error.reason), at: t)
      }
      if count < readBuffer.count { return }
    }
  }

  /// Records the final response to the request on connection `i`.
  private func complete(_ i: Int, _ message: HTTPMessage, at t: Int64) {
    let status = message.head.status ?? 0
    let from = connections[i].measuredFrom
    stats.recordResponse(status: status, latencyMicros: (t - from) / 1000, atMicros: from / 1000)
    audit?.record(connections[i], status: status, error: nil, at: t)
    shared.completed.add(1, ordering: .relaxed)
    lastProgress = t
    connections[i].state = .idle
    if !message.head.keepAlive { connections[i].close(retryAt: t) }
  }

  /// Ends the connection; a request on it (or a connection that could not be made) counts as an error.
  private func fail(_ i: Int, _ kind: LoadFailure, at t: Int64) {
    let c = connections[i]
    if c.busy {
      stats.recordError(kind, latencyMicros: (t - c.measuredFrom) / 1000, atMicros: c.measuredFrom / 1000)
      audit?.record(c, status: nil, error: kind.text, at: t)
      shared.completed.add(1, ordering: .relaxed)
    } else if c.state != .idle {
      stats.connectErrors[kind, default: 0] += 1  // no request was on it: a socket error, not a request outcome
    }
    let wasConnected = c.busy || c.state == .idle
    if wasConnected { lastProgress = t }  // the target was reachable: a timeout or reset is not "unreachable"
    let backoff: Int64 = wasConnected ? 0 : 100_000_000
    connections[i].close(retryAt: t + backoff)
  }

  /// A connect that failed: the target's next address is tried at once, as `fire` does; once every one failed in a
  /// row, it counts as a connect error and waits the usual backoff.
  private func connectFailed(_ i: Int, _ reason: String, at t: Int64) {
    connections[i].address = (connections[i].address + 1) % configuration.target.addresses.count
    connections[i].addressesFailed += 1
    guard connections[i].addressesFailed >= configuration.target.addresses.count else {
      return connections[i].close(retryAt: t)
    }
    connections[i].addressesFailed = 0
    fail(i, .connect(reason), at: t)
  }

  private func expireTimeouts(at t: Int64) {
    for i in connections.indices where connections[i].busy && t - connections[i].sentAt >= timeoutNanos {
      fail(i, .timeout, at: t)
    }
  }

  private func publish(at t: Int64) {
    guard t - lastPublished >= 500_000_000 else { return }
    lastPublished = t
    shared.publish(index, stats)
  }
}
