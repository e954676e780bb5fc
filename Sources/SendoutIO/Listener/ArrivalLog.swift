import SendoutCore
import Synchronization

/// The last arrivals of `listen --ui`, numbered from 1 in arrival order, in bounded memory: at most `capacity`
/// arrivals and `maxBodyBytes` of bodies; older ones are dropped (and counted) first. Thread-safe: the listener's
/// thread appends while the UI's requests read.
public final class ArrivalLog: Sendable {
  /// One kept arrival and its number.
  public struct Entry: Sendable {
    /// Its number: 1 for the first request the listener received, counting dropped ones.
    public var seq: Int
    /// What arrived.
    public var webhook: ReceivedWebhook
  }

  /// What a read returns: a page of arrivals and where the log stands.
  public struct Page: Sendable {
    /// Arrivals after the asked number, oldest first.
    public var entries: [Entry]
    /// The number of the newest arrival (0 before any).
    public var latest: Int
    /// Arrivals no longer kept (the oldest ones).
    public var dropped: Int
  }

  /// The most arrivals kept.
  public let capacity: Int
  /// The most body bytes kept over all arrivals.
  public let maxBodyBytes: Int
  /// The kept arrivals (`storage[head...]`), how many arrived in all, and the kept body bytes.
  private struct Kept {
    var storage: [Entry] = []
    var head = 0
    var total = 0
    var bodyBytes = 0
  }
  private let kept = Mutex(Kept())
  /// The page's forwards of kept arrivals ("Forward to URL").
  public let forwards = ArrivalForwards()

  /// A log of at most `capacity` arrivals (default 10,000) and `maxBodyBytes` of bodies (default 64 MiB).
  public init(capacity: Int = 10_000, maxBodyBytes: Int = 64 << 20) {
    self.capacity = max(1, capacity)
    self.maxBodyBytes = max(0, maxBodyBytes)
  }

  /// Numbers and keeps `webhook`, dropping the oldest arrivals past the limits; returns its number.
  @discardableResult
  public func append(_ webhook: ReceivedWebhook) -> Int {
    kept.withLock { k in
      k.total += 1
      k.storage.append(Entry(seq: k.total, webhook: webhook))
      k.bodyBytes += webhook.body.count
      while k.storage.count - k.head > capacity || (k.bodyBytes > maxBodyBytes && k.storage.count - k.head > 1) {
        k.bodyBytes -= k.storage[k.head].webhook.body.count
        k.head += 1
      }
      if k.head > 1024 && k.head * 2 > k.storage.count {
        k.storage.removeFirst(k.head)
        k.head = 0
      }
      return k.total
    }
  }

  /// Up to `limit` arrivals numbered after `since`, oldest first.
  public func page(since: Int, limit: Int) -> Page {
    kept.withLock { k in
      let first = k.storage.count > k.head ? k.storage[k.head].seq : k.total + 1
      let start = k.head + max(0, min(since, k.total) + 1 - first)  // clamped first: any Int is a valid `since`
      let end = min(k.storage.count, start + max(0, limit))
      let entries = start < end ? Array(k.storage[start..<end]) : []
      return Page(entries: entries, latest: k.total, dropped: first - 1)
    }
  }

  /// Arrival number `seq`, if it is still kept.
  public func entry(_ seq: Int) -> Entry? {
    kept.withLock { k in
      guard k.storage.count > k.head, seq >= k.storage[k.head].seq, seq <= k.total else { return nil }
      return k.storage[k.head + seq - k.storage[k.head].seq]
    }
  }

  /// How many arrivals are kept now.
  public var count: Int { kept.withLock { $0.storage.count - $0.head } }
}
