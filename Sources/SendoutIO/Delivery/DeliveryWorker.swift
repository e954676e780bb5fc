import Foundation
import SendoutCore
import Synchronization

/// One worker thread of a `DeliveryQueue`: takes the next due sendout, drives its `DeliveryMachine` through one
/// attempt (sending it, recording it, pausing its source on exhaustion) and hands it back to the retry heap or lets
/// it go. Plain-`http` targets at an address go over `SocketTransport`'s pooled keep-alive connections; `https` and
/// named hosts through the shared `URLSessionTransport`.
final class DeliveryWorker {
  private let queue: DeliveryQueue

  init(queue: DeliveryQueue) { self.queue = queue }

  /// Works until the queue stops.
  func run() {
    while let item = take() { drive(item) }
  }

  /// The next item to attempt, waiting for one (or for the next retry to fall due); `nil` when the queue stops.
  private func take() -> DeliveryQueue.Item? {
    let condition = queue.condition
    condition.lock()
    defer { condition.unlock() }
    while true {
      if queue.stopping { return nil }
      let now = queue.clock.now()
      while let due = queue.retries.nextDue, due <= now, let (_, machine) = queue.retries.pop() {
        queue.ready.push(.between(machine))
        queue.status.waiting -= 1
        queue.status.queued += 1
      }
      if !queue.status.held, let item = queue.ready.pop() {
        queue.status.queued -= 1
        queue.status.inFlight += 1
        return item
      }
      if let due = queue.retries.nextDue {
        let milliseconds = max(1, due.milliseconds - now.milliseconds)
        _ = condition.wait(until: Date(timeIntervalSinceNow: Double(milliseconds) / 1000))
      } else {
        condition.wait()
      }
    }
  }

  /// Runs `item`'s machine until it waits for a retry or has its final record.
  private func drive(_ item: DeliveryQueue.Item) {
    var machine: DeliveryMachine
    switch item {
    case .fresh(let sendout, let previous):
      machine = DeliveryMachine(
        configuration: queue.configuration, pausedSources: queue.condition.withLock { queue.pausedSources })
      machine.enqueue(sendout, previousAttempts: previous)
    case .between(let waiting):
      machine = waiting
    }
    var actions = machine.poll(now: queue.clock.now())
    while true {
      var next: [DeliveryAction] = []
      for action in actions {
        switch action {
        case .send(let id, let attempt, let request):
          queue.observer(.attemptStarted(sendoutID: id, attempt: attempt, url: request.url))
          let result = send(request)
          let stopping = queue.isStopping
          // Stopping: the machine records this attempt as interrupted (RETRYING) rather than scheduling a retry.
          if stopping { next += machine.cancel(now: queue.clock.now()) }
          next += machine.attemptFinished(sendoutID: id, finishedAt: queue.clock.now(), result: result)
        case .record(let record):
          queue.record(record)
          count(record)
        case .pause(let source):
          queue.condition.withLock { _ = queue.pausedSources.insert(source.id) }
          queue.observer(.paused(source))
        case .wait(let due):
          park(machine, due: due)
          return
        case .finished:
          done()
          return
        }
      }
      actions = next + machine.poll(now: queue.clock.now())
    }
  }

  private func count(_ record: AuditRecord) {
    queue.condition.withLock {
      switch record.status {
      case .success: queue.status.succeeded += 1
      case .failed: queue.status.failed += 1
      case .skipped: queue.status.skipped += 1
      case .retrying: break
      }
      if record.status != .skipped { queue.status.attempts += 1 }
    }
  }

  private func park(_ machine: DeliveryMachine, due: Timestamp) {
    queue.condition.withLock {
      queue.retries.push(machine, due: due)
      queue.status.inFlight -= 1
      queue.status.waiting += 1
      queue.condition.broadcast()
    }
  }

  private func done() {
    queue.condition.withLock {
      queue.status.inFlight -= 1
      queue.condition.broadcast()
    }
  }

  /// Sends one attempt: over a pooled keep-alive connection when the target is a plain-`http` address, else
  /// through URLSession (waited for on this thread, which is not one of Swift's cooperative threads).
  private func send(_ request: TransportRequest) -> Result<TransportResponse, TransportError> {
    if let (target, userinfo) = URLSessionTransport.socketTarget(request.url) {
      return SocketTransport.exchange(
        request, target: target, userinfo: userinfo, headers: queue.baseHeaders + request.headers
      ) { queue.isStopping }
    }
    let box = ResultBox()
    let done = DispatchSemaphore(value: 0)
    let task = Task {
      let result: Result<TransportResponse, TransportError>
      do throws(TransportError) { result = .success(try await URLSessionTransport.shared.send(request)) } catch {
        result = .failure(error)
      }
      box.result.withLock { $0 = result }
      done.signal()
    }
    while done.wait(timeout: .now() + .milliseconds(50)) == .timedOut {
      if queue.isStopping { task.cancel() }
    }
    return box.result.withLock { $0 }
  }

  /// Where the URLSession attempt leaves its result (an escaping closure cannot capture a `Mutex` itself).
  private final class ResultBox: Sendable {
    let result = Mutex<Result<TransportResponse, TransportError>>(.failure(.cancelled))
  }
}
