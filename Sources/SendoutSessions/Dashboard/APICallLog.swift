import SendoutCore
import Synchronization

/// The most recent API calls `sendout serve` answered, for the dashboard's "API calls" tab: each call's method, path,
/// status and the sendouts (webhooks) it caused, in a ring of `bound` entries (older calls drop off; the journal,
/// not this, is the record). Reads under `/_sendout/` (the page's own polling) are not kept.
final class APICallLog: Sendable {
  /// One call.
  struct Entry: Sendable, Equatable {
    /// 1, 2, 3… in the order answered since the server started.
    var number: Int
    /// When it was answered (the simulated clock when there is one).
    var at: Timestamp
    /// `GET`, `POST`…
    var method: String
    /// The path without the query (which may carry codes or emails: the journal has them).
    var path: String
    /// The answer's HTTP status.
    var status: Int
    /// The sendouts it queued, in order.
    var sendoutIDs: [String]
  }

  /// How many calls are kept.
  static let bound = 500

  private struct State {
    /// A ring once full: the oldest kept call at `oldest`, the newest just before it. Overwriting the oldest in place,
    /// not `removeFirst()`, which moved all 500 entries on every call (5 % of a cache-miss GET).
    var entries: [Entry] = []
    var oldest = 0
    var next = 1
    var bySendout: [String: Int] = [:]

    /// The kept calls, oldest first.
    var inOrder: ArraySlice<Entry> { entries[oldest...] + entries[..<oldest] }
  }
  private let state = Mutex(State())

  /// Records a call unless it is a read under `/_sendout/`.
  func record(at: Timestamp, method: String, path: String, status: Int, sendoutIDs: [String]) {
    if method == "GET" || method == "HEAD", path.hasPrefix("/_sendout/") { return }
    state.withLock { s in
      let entry = Entry(
        number: s.next, at: at, method: method, path: path, status: status, sendoutIDs: sendoutIDs)
      s.next += 1
      if s.entries.count < Self.bound {
        s.entries.append(entry)
      } else {
        let dropped = s.entries[s.oldest]
        for id in dropped.sendoutIDs where s.bySendout[id] == dropped.number { s.bySendout[id] = nil }
        s.entries[s.oldest] = entry
        s.oldest = (s.oldest + 1) % Self.bound
      }
      for id in sendoutIDs { s.bySendout[id] = entry.number }
    }
  }

  /// The calls kept, newest first, and how many were recorded in all.
  var recent: (entries: [Entry], total: Int) { state.withLock { (Array($0.inOrder.reversed()), $0.next - 1) } }

  /// The kept call that caused sendout `id`, or `nil`.
  func call(causing id: String) -> Entry? {
    state.withLock { s in s.bySendout[id].flatMap { n in s.entries.first { $0.number == n } } }
  }

  /// One call as the dashboard's JSON shows it.
  static func json(_ entry: Entry) -> JSON {
    [
      "number": .int(entry.number), "at": .string(entry.at.iso8601), "method": .string(entry.method),
      "path": .string(entry.path), "status": .int(entry.status),
      "sendout_ids": .array(entry.sendoutIDs.map(JSON.string)),
    ]
  }
}
