/// The dispatcher's state machine: a value that, given the time and the outcome of each attempt,
/// says what to do next (`DeliveryAction`s). It never sleeps, sends or writes; a thin async loop
/// (`Dispatcher` in SendoutIO) performs the actions, and tests drive the machine directly.
///
/// Per sendout: queued → in flight → (SUCCESS | RETRYING → waiting → in flight … | FAILED).
/// A FAILED sendout pauses its source; sendouts of a paused source that have not started are SKIPPED
/// (ones already retrying finish their own schedule). `cancel` records every unfinished sendout as RETRYING.
public struct DeliveryMachine: Sendable {
  enum Phase: Sendable, Equatable {
    case queued
    case waiting(until: Timestamp)
    case inFlight(startedAt: Timestamp)
    /// Delivered; its duplicate is due once `duplicateAfter` sendouts have had their first attempt.
    case duplicatePending
    case done
  }

  struct Job: Sendable {
    var sendout: Sendout
    var previousAttempts: Int
    var attempts = 0
    var firstAttemptAt: Timestamp?
    var phase = Phase.queued
    var plannedPosition: Int?
    var duplicateAfter: Int?
    var sendingDuplicate = false
    var attemptNumber: Int { previousAttempts + attempts }
  }

  /// The policy, concurrency and pause rule.
  public let configuration: DeliveryConfiguration
  /// Ids of sources paused (distributions) or disabled (project webhooks), given or after exhaustion.
  public private(set) var pausedSources: Set<String>
  /// Attempts currently in flight.
  public private(set) var inFlight = 0
  /// Whether `cancel` has been called.
  public private(set) var isCancelled = false

  private var jobs: [Job] = []
  private var indexByID: [String: Int] = [:]
  private var unfinished = 0
  /// Sendouts whose first attempt started (or that were skipped) in this run: when duplicates fall due.
  private var firstAttemptsStarted = 0

  /// A machine with no sendouts; `pausedSources` are sources already paused before this run.
  public init(configuration: DeliveryConfiguration = .voucherify, pausedSources: Set<String> = []) {
    self.configuration = configuration
    self.pausedSources = pausedSources
  }

  /// Adds a sendout; `previousAttempts` continues the attempt numbering of an earlier run (manual retry).
  /// Returns `false` (and ignores it) when a sendout with the same id is already queued.
  /// With `duplicateAfter`, a successful sendout is delivered once more (same id, bytes and signature) after that
  /// many sendouts of this run have had their first attempt (or all have), recorded as a duplicate attempt;
  /// `plannedPosition` is recorded on every record of the sendout (`run --reorder`).
  @discardableResult
  public mutating func enqueue(
    _ sendout: Sendout, previousAttempts: Int = 0, plannedPosition: Int? = nil, duplicateAfter: Int? = nil
  ) -> Bool {
    guard indexByID[sendout.id] == nil, !isCancelled else { return false }
    indexByID[sendout.id] = jobs.count
    var job = Job(sendout: sendout, previousAttempts: min(max(0, previousAttempts), AuditRecord.maxAttempt))
    job.plannedPosition = plannedPosition
    job.duplicateAfter = duplicateAfter
    jobs.append(job)
    unfinished += 1
    return true
  }

  /// Whether every sendout has its final record.
  public var isFinished: Bool { unfinished == 0 }

  /// Starts what is due at `now` within the concurrency limit, skips sendouts of paused sources,
  /// and says when to poll next (`wait`) or that all is done (`finished`).
  public mutating func poll(now: Timestamp) -> [DeliveryAction] {
    var actions: [DeliveryAction] = []
    var wakeAt: Timestamp?
    if !isCancelled {
      for i in jobs.indices {
        switch jobs[i].phase {
        case .queued:
          if pausedSources.contains(jobs[i].sendout.source.id) {
            actions.append(.record(skip(i, now: now)))
          } else if inFlight < configuration.maxInFlight {
            actions.append(start(i, now: now))
          }
        case .waiting(let due):
          if due <= now {
            if inFlight < configuration.maxInFlight { actions.append(start(i, now: now)) }
          } else {
            wakeAt = min(wakeAt ?? due, due)
          }
        case .duplicatePending:
          let due = min(jobs[i].duplicateAfter ?? 0, jobs.count)
          if firstAttemptsStarted >= due, inFlight < configuration.maxInFlight {
            jobs[i].sendingDuplicate = true
            actions.append(start(i, now: now))
          }
        case .inFlight, .done: continue
        }
      }
    }
    if isFinished {
      actions.append(.finished)
    } else if let wakeAt, !isCancelled {
      actions.append(.wait(until: wakeAt))
    }
    return actions
  }

  /// Reports how the in-flight attempt of `sendoutID` ended; returns its record and, on exhaustion, a pause.
  public mutating func attemptFinished(
    sendoutID: String, finishedAt: Timestamp, result: Result<TransportResponse, TransportError>
  ) -> [DeliveryAction] {
    guard let i = indexByID[sendoutID], case .inFlight(let startedAt) = jobs[i].phase else { return [] }
    inFlight -= 1
    let job = jobs[i]
    let latency = max(0, finishedAt.milliseconds - startedAt.milliseconds)
    let outcome: DeliveryOutcome
    var retryAfter: Int64?
    var permanent = false
    var response: TransportResponse?
    switch result {
    case .success(let answer):
      response = answer
      outcome = .response(status: answer.status, note: answer.isSuccess ? answer.note : nil)
      retryAfter = RetryPolicy.retryAfterMilliseconds(status: answer.status, headers: answer.headers)
    case .failure(let error):
      outcome = .noResponse(error)
      // An invalid URL stays invalid: retrying it for 24 hours would only hide the mistake.
      if case .invalidURL = error { permanent = true }
    }
    func record(_ status: AuditStatus, next: Timestamp? = nil) -> AuditRecord {
      AuditRecord(
        sendout: job.sendout, status: status, attempt: job.attemptNumber, executedAt: startedAt, outcome: outcome,
        latencyMilliseconds: latency, nextAttemptAt: next, duplicate: job.sendingDuplicate,
        plannedPosition: job.plannedPosition, response: response)
    }
    if job.sendingDuplicate {  // one re-delivery: recorded as it went, never retried, never pausing the source
      finish(i)
      return outcome.isSuccess || !isCancelled ? [.record(record(outcome.isSuccess ? .success : .failed))] : []
    }
    if outcome.isSuccess {
      if job.duplicateAfter != nil, !isCancelled {
        jobs[i].phase = .duplicatePending
      } else {
        finish(i)
      }
      return [.record(record(.success))]
    }
    if isCancelled {
      finish(i)
      return [.record(record(.retrying))]
    }
    let policy = configuration.policy
    if !permanent, let firstAt = job.firstAttemptAt,
      let next = policy.nextAttemptAt(
        after: job.attempts, firstAttemptAt: firstAt, finishedAt: finishedAt, retryAfterMilliseconds: retryAfter)
    {
      jobs[i].phase = .waiting(until: next)
      return [.record(record(.retrying, next: next))]
    }
    finish(i)
    var actions: [DeliveryAction] = [.record(record(.failed))]
    let source = job.sendout.source
    if configuration.pauseOnExhaustion, !pausedSources.contains(source.id) {
      pausedSources.insert(source.id)
      actions.append(.pause(source))
    }
    return actions
  }

  /// Stops: every queued or waiting sendout is recorded as RETRYING now; in-flight ones are recorded
  /// (as RETRYING unless they succeed) when their `attemptFinished` arrives.
  public mutating func cancel(now: Timestamp) -> [DeliveryAction] {
    guard !isCancelled else { return [] }
    isCancelled = true
    var actions: [DeliveryAction] = []
    for i in jobs.indices {
      let job = jobs[i]
      switch job.phase {
      case .queued, .waiting:
        finish(i)
        actions.append(
          .record(
            AuditRecord(
              sendout: job.sendout, status: .retrying, attempt: job.attemptNumber, executedAt: now,
              outcome: .cancelledBefore(attempt: job.attempts == 0 ? 1 : job.attemptNumber + 1),
              plannedPosition: job.plannedPosition)))
      case .duplicatePending: finish(i)  // delivered already; its duplicate is simply not sent
      case .inFlight, .done: continue
      }
    }
    if isFinished { actions.append(.finished) }
    return actions
  }

  private mutating func start(_ i: Int, now: Timestamp) -> DeliveryAction {
    if jobs[i].attempts == 0 { firstAttemptsStarted += 1 }
    jobs[i].attempts += 1
    if jobs[i].firstAttemptAt == nil { jobs[i].firstAttemptAt = now }
    jobs[i].phase = .inFlight(startedAt: now)
    inFlight += 1
    let job = jobs[i]
    return .send(
      sendoutID: job.sendout.id, attempt: job.attemptNumber,
      request: TransportRequest(job.sendout, timeoutMilliseconds: configuration.policy.timeoutMilliseconds))
  }

  private mutating func skip(_ i: Int, now: Timestamp) -> AuditRecord {
    finish(i)
    firstAttemptsStarted += 1
    let source = jobs[i].sendout.source
    return AuditRecord(
      sendout: jobs[i].sendout, status: .skipped, attempt: jobs[i].attemptNumber, executedAt: now,
      outcome: .skipped(source.object, sourceID: source.id), plannedPosition: jobs[i].plannedPosition)
  }

  private mutating func finish(_ i: Int) {
    guard jobs[i].phase != .done else { return }
    jobs[i].phase = .done
    unfinished -= 1
  }
}
