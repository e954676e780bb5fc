import Foundation
import SendoutCore

/// The long-lived delivery of a server (`sendout serve`): sendouts are queued as calls make them and delivered by a
/// fixed set of worker threads, each with its own keep-alive connection per plain-`http` target (URLSession for
/// `https`), through the same `DeliveryMachine` rules as `Dispatcher`: the retry schedule, one audit record per
/// attempt, a source paused when a sendout exhausts its attempts and later sendouts of it SKIPPED.
///
/// Memory is what is queued: a sendout leaves the queue with its final record. Retries wait in a heap by due time,
/// not in a worker. `hold()` stops starting attempts (in-flight ones finish) until `release()`; `stop()` ends the
/// workers and records every unfinished sendout as RETRYING, as `Dispatcher` does on cancellation.
/// @unchecked: the workers wait on `condition` (an NSCondition), which guards every `var` below; Mutex has no wait.
public final class DeliveryQueue: @unchecked Sendable {
  /// What the queue holds and has done, for the admin endpoint and the benchmark.
  public struct Status: Sendable, Equatable {
    /// Sendouts enqueued since the start.
    public var accepted = 0
    /// Sendouts waiting for a worker (first attempts and retries that are due).
    public var queued = 0
    /// Sendouts waiting for their next retry.
    public var waiting = 0
    /// Attempts being sent.
    public var inFlight = 0
    /// Sendouts whose final record is SUCCESS.
    public var succeeded = 0
    /// Sendouts whose final record is FAILED.
    public var failed = 0
    /// Sendouts SKIPPED because their source was paused.
    public var skipped = 0
    /// Attempts recorded.
    public var attempts = 0
    /// Whether `hold()` is in force.
    public var held = false
    /// Sources paused after exhausting a sendout's attempts (or given paused), sorted.
    public var pausedSources: [String] = []
    /// Sendouts queued, waiting or in flight.
    public var unfinished: Int { queued + waiting + inFlight }
  }

  /// A sendout not yet started, or one between attempts with its machine.
  enum Item {
    case fresh(Sendout, previousAttempts: Int)
    case between(DeliveryMachine)
  }

  let configuration: DeliveryConfiguration
  let auditLog: any AuditLog
  let clock: any DeliveryClock
  let observer: @Sendable (DeliveryEvent) -> Void
  let baseHeaders: [HTTPHeader]
  let condition = NSCondition()
  var ready = ItemQueue()
  var retries = RetryHeap()
  var status = Status()
  var pausedSources: Set<String>
  var stopping = false
  private var threads: [Thread] = []
  private let workerCount: Int
  private let finished = DispatchGroup()

  /// A queue delivering with `configuration` (its `maxInFlight` is the number of workers) into `auditLog`.
  public init(
    configuration: DeliveryConfiguration, auditLog: any AuditLog, clock: any DeliveryClock = SystemClock(),
    pausedSources: Set<String> = [], userAgent: String = "sendout/0.1",
    observer: @escaping @Sendable (DeliveryEvent) -> Void = { _ in }
  ) {
    self.configuration = configuration
    self.auditLog = auditLog
    self.clock = clock
    self.pausedSources = pausedSources
    self.observer = observer
    workerCount = max(1, configuration.maxInFlight)
    baseHeaders = URLSessionTransport.baseHeaders(userAgent: userAgent)
  }

  /// Starts the workers.
  public func start() {
    condition.withLock {
      guard threads.isEmpty else { return }
      for n in 0..<workerCount {
        finished.enter()
        let thread = Thread { [self] in
          DeliveryWorker(queue: self).run()
          finished.leave()
        }
        thread.name = "sendout-delivery-\(n)"
        thread.stackSize = 1 << 20
        threads.append(thread)
      }
    }
    for thread in threads { thread.start() }
  }

  /// Queues `sendouts`; returns at once (delivery never blocks the caller). `previousAttempts` continues the attempt
  /// numbers of sendouts resumed from an audit log.
  public func enqueue(_ sendouts: [Sendout], previousAttempts: [String: Int] = [:]) {
    guard !sendouts.isEmpty else { return }
    condition.withLock {
      for sendout in sendouts { ready.push(.fresh(sendout, previousAttempts: previousAttempts[sendout.id] ?? 0)) }
      status.queued += sendouts.count
      status.accepted += sendouts.count
      condition.broadcast()
    }
  }

  /// Stops starting attempts until `release()`; attempts in flight finish and are recorded.
  public func hold() { condition.withLock { status.held = true } }

  /// Starts attempts again after `hold()`.
  public func release() {
    condition.withLock {
      status.held = false
      condition.broadcast()
    }
  }

  /// Resumes a source paused after exhaustion: its later sendouts are delivered again. Returns whether it was paused.
  @discardableResult
  public func resume(source id: String) -> Bool {
    condition.withLock { pausedSources.remove(id) != nil }
  }

  /// A snapshot of the counters.
  public var snapshot: Status {
    condition.withLock {
      var current = status
      current.pausedSources = pausedSources.sorted()
      return current
    }
  }

  /// Waits until nothing is queued or in flight (retries may still be waiting), or `timeoutSeconds` pass; returns
  /// whether it got there. For tests and the benchmark.
  public func waitUntilDrained(timeoutSeconds: Double) -> Bool {
    let deadline = Date(timeIntervalSinceNow: timeoutSeconds)
    return condition.withLock {
      while status.queued + status.inFlight > 0 {
        if !condition.wait(until: deadline) { return status.queued + status.inFlight == 0 }
      }
      return true
    }
  }

  /// Ends the workers: attempts in flight are cancelled and recorded, then every sendout still queued or waiting is
  /// recorded RETRYING (never dropped silently). Blocks until done; the queue takes no more work.
  public func stop() {
    let started = condition.withLock { () -> Bool in
      stopping = true
      condition.broadcast()
      return !threads.isEmpty
    }
    if started { finished.wait() }
    let left = condition.withLock { () -> [Item] in
      var items: [Item] = []
      while let item = ready.pop() { items.append(item) }
      while let (_, machine) = retries.pop() { items.append(.between(machine)) }
      status.queued = 0
      status.waiting = 0
      return items
    }
    let now = clock.now()
    for item in left {
      var machine: DeliveryMachine
      switch item {
      case .fresh(let sendout, let previous):
        machine = DeliveryMachine(configuration: configuration, pausedSources: [])
        machine.enqueue(sendout, previousAttempts: previous)
      case .between(let waiting):
        machine = waiting
      }
      for case .record(let record) in machine.cancel(now: now) { self.record(record) }
    }
  }

  /// Whether `stop()` was called (read by the workers between and during attempts).
  var isStopping: Bool { condition.withLock { stopping } }

  /// Appends `record` to the audit log and tells the observer (any thread).
  func record(_ record: AuditRecord) {
    do throws(AuditLogError) { try auditLog.append(record) } catch { observer(.auditFailed(error)) }
    observer(.recorded(record))
  }
}
