extension World {
  /// How long an async action takes: it is done at the first call `asyncProcessingMilliseconds` after the call that
  /// made it, on the calls' clock (Voucherify's examples take 100 ms to 1.2 s). The calls' clock, not the world's:
  /// under a simulated clock the world's runs a little ahead of it with every operation.
  public static let asyncProcessingMilliseconds: Int64 = 1_000

  /// Accepts an async action of `type` doing `work`, made by a call at `calledAt` (no event).
  public mutating func enqueueAsyncAction(
    type: String, work: JSON, requestID: String?, calledAt: Timestamp, reportsOperationStatus: Bool
  ) -> AsyncAction {
    tick()
    let action = AsyncAction(
      id: make(.asyncAction), type: type, createdAt: now,
      dueAt: calledAt.adding(milliseconds: Self.asyncProcessingMilliseconds), requestID: requestID, work: work,
      operationStatus: reportsOperationStatus ? "SUCCESS" : nil)
    asyncActions.append(action)
    asyncActionsDue.ids.append(action.id)
    return action
  }

  /// An async action done at once (a campaign's vouchers generated or deleted with the call), with `result`; it
  /// draws its id only (no clock tick), as the id alone was before it was kept.
  public mutating func recordAsyncAction(type: String, result: JSON, requestID: String? = nil) -> AsyncAction {
    var action = AsyncAction(
      id: make(.asyncAction), type: type, createdAt: now, dueAt: now, requestID: requestID, work: .null)
    action.status = .done
    action.doneAt = now
    action.result = result
    asyncActions.append(action)
    return action
  }

  /// The oldest enqueued async action due at or before `time`, if any (they fall due in the order they came).
  public func nextDueAsyncAction(before time: Timestamp) -> AsyncAction? {
    guard let id = asyncActionsDue.next, let action = asyncActions[id: id], action.dueAt <= time else { return nil }
    return action
  }

  /// Starts the due async action `id`: moves the world's clock to its due time (when behind it) and hands back its
  /// work.
  public mutating func startAsyncAction(_ id: String) -> JSON {
    guard let action = asyncActions[id: id] else { return .null }
    moveClock(to: action.dueAt)
    return action.work
  }

  /// Marks async action `id` done with `result` (`failed`: the operation failed as a whole), dropping its work.
  public mutating func finishAsyncAction(_ id: String, result: JSON, failed: Bool) {
    guard let i = asyncActions.position(of: id) else { return }
    asyncActions[i].status = .done
    asyncActions[i].doneAt = now
    asyncActions[i].result = result
    asyncActions[i].work = .null
    if asyncActions[i].operationStatus != nil { asyncActions[i].operationStatus = failed ? "FAILED" : "SUCCESS" }
    asyncActionsDue.pop(id)
  }
}
