import SendoutCore

/// The thin async loop that drives a `DeliveryMachine`: it performs the machine's actions (send through
/// the transport, append to the audit log, report pauses, sleep on the clock) and feeds back outcomes.
///
/// Attempts run as child tasks of one task group, at most `configuration.maxInFlight` at once.
/// Cancelling the calling task (Ctrl-C) stops cleanly: in-flight requests are cancelled and every
/// unfinished sendout is recorded as RETRYING before `run` returns.
public struct Dispatcher: Sendable {
  /// Retry policy, concurrency and the pause rule.
  public var configuration: DeliveryConfiguration
  /// Sends the requests (default: the shared `URLSessionTransport`).
  public var transport: any WebhookTransport
  /// Tells the time and sleeps (default: `SystemClock`).
  public var clock: any DeliveryClock
  /// Where every record goes.
  public var auditLog: any AuditLog
  /// Sources already paused or disabled before this run: their sendouts are SKIPPED.
  public var pausedSources: Set<String>

  /// A dispatcher; only the audit log has no default.
  public init(
    configuration: DeliveryConfiguration = .voucherify, transport: any WebhookTransport = URLSessionTransport.shared,
    clock: any DeliveryClock = SystemClock(), auditLog: any AuditLog, pausedSources: Set<String> = []
  ) {
    self.configuration = configuration
    self.transport = transport
    self.clock = clock
    self.auditLog = auditLog
    self.pausedSources = pausedSources
  }

  private enum LoopEvent: Sendable {
    case attemptEnded(sendoutID: String, at: Timestamp, result: Result<TransportResponse, TransportError>)
    case timer(Timestamp)
  }

  /// Delivers `sendouts` until each has a final record (or the task is cancelled) and reports what happened.
  /// `previousAttempts` continues attempt numbers from an earlier run (manual retry from the audit log).
  public func run(
    _ sendouts: [Sendout], previousAttempts: [String: Int] = [:],
    observer: @escaping @Sendable (DeliveryEvent) -> Void = { _ in }
  ) async -> DeliveryReport {
    await run(
      arranged: sendouts.map { DeliveryChaos.Arranged(sendout: $0) }, previousAttempts: previousAttempts,
      observer: observer)
  }

  /// Delivers sendouts arranged by `DeliveryChaos` (delivery order, planned positions, duplicates) the same way.
  public func run(
    arranged: [DeliveryChaos.Arranged], previousAttempts: [String: Int] = [:],
    observer: @escaping @Sendable (DeliveryEvent) -> Void = { _ in }
  ) async -> DeliveryReport {
    var machine = DeliveryMachine(configuration: configuration, pausedSources: pausedSources)
    for a in arranged {
      machine.enqueue(
        a.sendout, previousAttempts: previousAttempts[a.sendout.id] ?? 0, plannedPosition: a.plannedPosition,
        duplicateAfter: a.duplicateAfter)
    }
    var report = DeliveryReport()
    let transport = self.transport
    let clock = self.clock
    return await withTaskGroup(of: LoopEvent.self, returning: DeliveryReport.self) { group in
      var pending: [DeliveryAction] = []
      var timer: Timestamp?
      var done = false
      while !done {
        if Task.isCancelled, !machine.isCancelled {
          report.cancelled = true
          pending += machine.cancel(now: clock.now())
        }
        let actions = pending + machine.poll(now: clock.now())
        pending = []
        for action in actions {
          switch action {
          case .send(let id, let attempt, let request):
            observer(.attemptStarted(sendoutID: id, attempt: attempt, url: request.url))
            group.addTask {
              let result: Result<TransportResponse, TransportError>
              do throws(TransportError) { result = .success(try await transport.send(request)) } catch {
                result = .failure(error)
              }
              return .attemptEnded(sendoutID: id, at: clock.now(), result: result)
            }
          case .record(let record):
            report.records.append(record)
            do throws(AuditLogError) { try auditLog.append(record) } catch {
              if report.auditError == nil { report.auditError = error }
              observer(.auditFailed(error))
            }
            observer(.recorded(record))
          case .pause(let source):
            report.pausedSources.append(source)
            observer(.paused(source))
          case .wait(let deadline):
            if timer.map({ deadline < $0 }) ?? true {
              timer = deadline
              group.addTask {
                try? await clock.sleep(until: deadline)
                return .timer(deadline)
              }
            }
          case .finished:
            done = true
          }
        }
        if done { break }
        guard let event = await group.next() else { break }
        switch event {
        case .timer(let deadline):
          if timer == deadline { timer = nil }
        case .attemptEnded(let id, let at, let result):
          // A cancelled attempt may come back before the loop sees the cancellation: stop first,
          // so it is recorded as interrupted rather than scheduled for a retry.
          if Task.isCancelled, !machine.isCancelled {
            report.cancelled = true
            pending += machine.cancel(now: clock.now())
          }
          pending += machine.attemptFinished(sendoutID: id, finishedAt: at, result: result)
        }
      }
      group.cancelAll()
      return report
    }
  }
}
