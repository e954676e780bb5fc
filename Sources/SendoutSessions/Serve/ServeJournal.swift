import SendoutAPI
import SendoutCore
import SendoutIO

/// A `--state` file opened by `sendout serve`: its origin (the recorded one, or for a new file the one just written)
/// and the calls to replay. The file is owned by this process while the journal lives (a lock), is refused when it is
/// not a regular file, not a state file, or made from another world, and is never rewritten.
struct ServeJournal {
  /// The log new calls are appended to.
  var log: DurableLog
  /// What the world is made from; its `start` is the clock the world is built at.
  var origin: ServeStateOrigin
  /// The journaled calls, oldest first.
  var calls: [APICall]
  /// Bytes of a torn last write that were cut off (kept in `PATH.corrupt`); 0 when none.
  var repairedBytes: Int

  /// Opens `path` for a server that would start as `expected` (its `start` and `simulated` from `--at`, or now).
  static func open(_ path: String, expecting expected: ServeStateOrigin, at: Timestamp?) throws(DurableLogError)
    -> ServeJournal
  {
    let opened = try DurableLog.open(path)
    guard let first = opened.records.first else {
      try opened.log.append(expected.line)
      return ServeJournal(log: opened.log, origin: expected, calls: [], repairedBytes: opened.repairedBytes)
    }
    guard let recorded = ServeStateOrigin(line: first) else {
      throw DurableLogError(path: path, reason: "its first record is not a sendout serve state header")
    }
    guard recorded.digest == expected.digest, recorded.seed == expected.seed else {
      let changed = recorded.scenario == expected.scenario && recorded.seed == expected.seed
      throw DurableLogError(
        path: path,
        reason: "it was made with \(recorded.description), not \(expected.description)"
          + (changed ? " (the scenario file changed since: its SHA-256 differs)" : "")
          + "; start with the same --scenario and --seed, or use another --state file")
    }
    if let at, !recorded.simulated || recorded.start != at {
      throw DurableLogError(
        path: path,
        reason: "it was started with \(recorded.clockDescription), not --at \(at.iso8601); restart with the same "
          + "--at or without --at (the clock comes from the file), or use another --state file")
    }
    var calls: [APICall] = []
    for (index, record) in opened.records.dropFirst().enumerated() {
      guard let call = APICall(line: record) else {
        throw DurableLogError(path: path, reason: "record \(index + 2) is not a journaled call")
      }
      calls.append(call)
    }
    return ServeJournal(log: opened.log, origin: recorded, calls: calls, repairedBytes: opened.repairedBytes)
  }
}
