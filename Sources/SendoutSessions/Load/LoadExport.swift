import Foundation
import SendoutCore

/// `sendout load --export FILE [--shard i/n]`: instead of sending, writes the requests `load` would send — every
/// one a fresh sendout, signed — as vegeta JSON targets, one per line, for a fleet of load machines (Locust
/// workers, `vegeta attack -format=json`) to replay; docs/distributed-load.md.
public enum LoadExport {
  /// What was written.
  public struct Result: Sendable, Equatable {
    /// Requests written.
    public var requests: Int
    /// The shard they are.
    public var shard: LoadShard
  }

  /// Writes this shard's part of the run's requests (`--count`, or `--rate` × `--duration`) to `path` (replaced).
  public static func run(_ configuration: LoadSession.Configuration, to path: String) throws(SessionError) -> Result {
    guard let url = configuration.target else {
      throw .usage("--export '\(path)' needs --to URL: the receiver the requests are signed for and sent to")
    }
    guard let total = configuration.count ?? configuration.schedule?.totalCount else {
      throw .usage(
        "--export '\(path)' needs --count N, or --rate R with --duration D: a closed-loop --duration has no request count"
      )
    }
    let shard = configuration.shard ?? .whole
    var pool = try LoadSession.poolMaker(configuration, url: url)(shard.index - 1)
    guard let file = fopen(path, "w") else {
      throw .badInput("Cannot write the export file '\(path)': give a path in a writable directory")
    }
    let requests = shard.share(of: total)
    var failed = false
    for _ in 0..<requests where !failed {
      let line = VegetaTarget.line(pool.nextSendout(), url: url) + "\n"
      failed = fputs(line, file) < 0
    }
    failed = fclose(file) != 0 || failed
    if failed { throw .badInput("Cannot write the export file '\(path)': the write failed (disk full?)") }
    return Result(requests: requests, shard: shard)
  }
}
