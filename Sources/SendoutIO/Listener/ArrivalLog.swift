import Foundation
import SendoutCore

/// The last arrivals of `listen --ui`, numbered from 1 in arrival order, in bounded memory: at most `capacity`
/// arrivals and `maxBodyBytes` of bodies; older ones are dropped (and counted) first. Thread-safe: the listener's
/// thread appends while the UI's requests read.
public final class ArrivalLog: @unchecked Sendable {
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
  private let lock = NSLock()
  private var storage: [Entry] = []
  private var head = 0
  private var total = 0
  private var bodyBytes = 0

  /// A log of at most `capacity` arrivals (default 10,000) and `maxBodyBytes` of bodies (default 64 MiB).
  public init(capacity: Int = 10_000, maxBodyBytes: Int = 64 << 20) {
    self.capacity = max(1, capacity)
    self.maxBodyBytes = max(0, maxBodyBytes)
  }

  /// Numbers and keeps `webhook`, dropping the oldest arrivals past the limits; returns its number.
  @discardableResult
  public func append(_ webhook: ReceivedWebhook) -> Int {
    lock.withLock {
      total += 1
      storage.append(Entry(seq: total, webhook: webhook))
      bodyBytes += webhook.body.count
      while storage.count - head > capacity || (bodyBytes > maxBodyBytes && storage.count - head > 1) {
        bodyBytes -= storage[head].webhook.body.count
        head += 1
      }
      if head > 1024 && head * 2 > storage.count {
        storage.removeFirst(head)
        head = 0
      }
      return total
    }
  }

  /// Up to `limit` arrivals numbered after `since`, oldest first.
  public func page(since: Int, limit: Int) -> Page {
    lock.withLock {
      let first = storage.count > head ? storage[head].seq : total + 1
      let start = head + max(0, min(since, total) + 1 - first)  // clamped first: any Int is a valid `since`
      let end = min(storage.count, start + max(0, limit))
      let entries = start < end ? Array(storage[start..<end]) : []
      return Page(entries: entries, latest: total, dropped: first - 1)
    }
  }

  /// Arrival number `seq`, if it is still kept.
  public func entry(_ seq: Int) -> Entry? {
    lock.withLock {
      guard storage.count > head, seq >= storage[head].seq, seq <= total else { return nil }
      return storage[head + seq - storage[head].seq]
    }
  }

  /// How many arrivals are kept now.
  public var count: Int { lock.withLock { storage.count - head } }
}
