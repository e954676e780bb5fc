/// `load --export FILE --shard i/n`: which of `count` worker files this is (1-based). Each shard renders from its
/// own event stream (`EventPool`'s `stream`, i − 1), so no two shards share a sendout id, and takes its part of the
/// run's requests; shard 1/1 is exactly what `load` itself sends (with one thread).
public struct LoadShard: Sendable, Equatable {
  /// This shard's number, from 1 to `count`.
  public var index: Int
  /// How many shards the run is split into.
  public var count: Int

  /// The whole run in one file.
  public static let whole = LoadShard(checked: 1, of: 1)

  /// Shard `index` of `count`; `nil` unless 1 ≤ index ≤ count ≤ 10,000.
  public init?(index: Int, count: Int) {
    guard (1...10_000).contains(count), (1...count).contains(index) else { return nil }
    self.init(checked: index, of: count)
  }

  private init(checked index: Int, of count: Int) {
    self.index = index
    self.count = count
  }

  /// `2/3` → shard 2 of 3; `nil` for anything else.
  public static func parse(_ text: String) -> LoadShard? {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
    return LoadShard(index: index, count: count)
  }

  /// This shard's part of `total` requests: an even split, the first `total % count` shards one more.
  public func share(of total: Int) -> Int { total / count + (index - 1 < total % count ? 1 : 0) }
}
