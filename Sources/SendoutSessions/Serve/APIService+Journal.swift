import SendoutAPI
import SendoutCore
import SendoutIO

extension APIService {
  /// Replays journaled calls (at start-up, with `--state`): the world ends as it was. Returns the sendouts the calls
  /// made that `unfinished` picks (those the audit log has no final record of), to be delivered again, and how many
  /// calls were answered otherwise than the journal recorded (another version of sendout wrote it).
  func replay(_ calls: [APICall], journal: DurableLog, unfinished: (Sendout) -> Bool) -> (
    resumed: [Sendout], diverged: Int
  ) {
    state.withLock { state in
      var resumed: [Sendout] = []
      var diverged = 0
      for call in calls {
        let applied = apply(call, &state)
        if let recorded = call.status, recorded != applied.status { diverged += 1 }
        resumed += applied.sendouts.filter(unfinished)
      }
      state.mock.refusedIDs = IDFactory(seed: start.seed ^ MockAPI.refusedIDMask ^ UInt64(calls.count))
      state.shell.journal = journal
      return (resumed, diverged)
    }
  }

  /// A call that was applied but that the journal could not take: undone by rebuilding the world from the journal as
  /// it is on disk (without the call), and answered 507 when the disk is full (500 otherwise). Its events are not
  /// sent. Holding the mutex.
  func undo(_ call: APICall, failure: DurableLogError, _ state: inout State) -> Applied {
    observer(.warning(failure.message + "; the call was not applied"))
    let error =
      failure.storageFull
      ? VoucherifyError(
        status: 507, key: "insufficient_storage", message: "Insufficient storage",
        details: "the --state file's disk is full, so the call was not applied; free some space and call again")
      : VoucherifyError(
        status: 500, key: "internal", message: "Internal error",
        details: "the --state file could not be written (\(failure.reason)), so the call was not applied")
    let requestID = state.mock.refusedIDs.make(.group, at: call.at)
    rebuildFromJournal(&state)
    return Applied(status: error.status, body: error.body(requestID: requestID))
  }

  /// The start's world, then every call the journal holds on disk, applied again (their sendouts were queued when
  /// they were first answered).
  private func rebuildFromJournal(_ state: inout State) {
    let kept = (refusedIDs: state.mock.refusedIDs, refusesTarget: state.mock.refusesTarget, url: state.mock.servedURL)
    state.mock = start.mock
    (state.mock.refusedIDs, state.mock.refusesTarget, state.mock.servedURL) = kept
    (state.shell.initialWorld, state.shell.initialWebhooks) = (start.mock.world, start.mock.webhooks)
    guard let journal = state.shell.journal else { return }
    do throws(DurableLogError) {
      for call in try journal.records().compactMap(APICall.init(line:)) { _ = apply(call, &state) }
    } catch {
      observer(.warning("\(error.message); the world could not be rebuilt from it"))
    }
  }
}
