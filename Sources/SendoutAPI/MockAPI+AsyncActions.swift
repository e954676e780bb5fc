import SendoutCore

extension MockAPI {
  /// Runs every async action due at or before `time`, oldest first, before the call at `time` is applied: each row
  /// through its single operation's endpoint, at the action's due time, its events sent as that call's would be; a
  /// refused row is reported in the action's `result` and the others still apply. Returns the sendouts.
  ///
  /// Deterministic for a journal replay: only calls move the world's clock, so whether the due work runs at a call
  /// that is journaled or at one that is not (a 404 route, a cached read), the world it runs on is the same.
  mutating func runDueAsyncActions(before time: Timestamp) -> [Sendout] {
    var sendouts: [Sendout] = []
    while let action = world.nextDueAsyncAction(before: time) {
      reads.invalidate()
      let work = world.startAsyncAction(action.id)
      var done = 0
      var failures: [(AsyncActionRow, VoucherifyError)] = []
      for json in work.arrayValue ?? [] {
        guard let row = AsyncActionRow(json: json) else { continue }
        let (events, error) = row.apply(to: &world)
        for event in events { sendouts += webhooks.sendouts(for: event) }
        if let error { failures.append((row, error)) } else { done += 1 }
      }
      let result = AsyncActionKind.all[action.type]?.result(done: done, failures: failures) ?? .null
      world.finishAsyncAction(action.id, result: result, failed: done == 0 && !failures.isEmpty)
    }
    return sendouts
  }
}
