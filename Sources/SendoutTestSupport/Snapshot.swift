import Foundation

/// Golden-file assertions without dependencies: compares text with `Tests/<Target>/Snapshots/<name>`.
///
/// ```
/// try Snapshot.assert(body.prettyString, named: "redemption-succeeded.json")
/// ```
/// Run with `RECORD_SNAPSHOTS=1` to (re)write the golden files instead; a missing golden file is
/// written and reported as a failure so that a fresh snapshot is always looked at once.
public enum Snapshot {
  /// A snapshot did not match, or had to be recorded. Its description is a compact line diff.
  public struct Mismatch: Error, Sendable, CustomStringConvertible {
    /// The golden file.
    public var file: String
    /// What differs (or what was recorded).
    public var description: String
  }

  /// The environment variable that turns assertions into recordings.
  public static let recordVariable = "RECORD_SNAPSHOTS"

  /// Throws `Mismatch` unless `actual` equals the golden file `name` next to the calling test target.
  public static func assert(
    _ actual: String, named name: String, record: Bool? = nil, filePath: String = #filePath
  ) throws {
    let url = directory(forTestFile: filePath).appendingPathComponent(name)
    let recording =
      record ?? (ProcessInfo.processInfo.environment[recordVariable].map { $0 != "0" && !$0.isEmpty } ?? false)
    let existing = try? String(contentsOf: url, encoding: .utf8)
    if !recording, let existing {
      if existing == actual { return }
      throw Mismatch(
        file: url.path,
        description: "Snapshot \(name) differs (\(recordVariable)=1 to re-record):\n" + diff(existing, actual))
    }
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(actual.utf8).write(to: url)
    if existing == nil && !recording {
      throw Mismatch(file: url.path, description: "Recorded a new snapshot \(url.path); check it and run again")
    }
  }

  /// `Tests/<Target>/Snapshots` for a test file anywhere below `Tests/<Target>/`.
  public static func directory(forTestFile path: String) -> URL {
    var url = URL(fileURLWithPath: path).deletingLastPathComponent()
    while url.pathComponents.count > 1 && url.deletingLastPathComponent().lastPathComponent != "Tests" {
      url.deleteLastPathComponent()
    }
    return url.appendingPathComponent("Snapshots", isDirectory: true)
  }

  /// A compact line diff: `-` golden, `+` actual, with one line of context and `@@ line N` markers.
  public static func diff(_ expected: String, _ actual: String, context: Int = 1, limit: Int = 40) -> String {
    let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let changes = new.difference(from: old)
    var removed = Set<Int>()
    var inserted = Set<Int>()
    for change in changes {
      switch change {
      case .remove(let offset, _, _): removed.insert(offset)
      case .insert(let offset, _, _): inserted.insert(offset)
      }
    }
    // Walk both sides in step, emitting a unified-style listing of the changed regions.
    var rows: [(String, Int, Int)] = []  // (line, oldIndex, newIndex), marker in line
    var i = 0
    var j = 0
    while i < old.count || j < new.count {
      if i < old.count && removed.contains(i) {
        rows.append(("-" + old[i], i, j)); i += 1
      } else if j < new.count && inserted.contains(j) {
        rows.append(("+" + new[j], i, j)); j += 1
      } else {
        rows.append((" " + (i < old.count ? old[i] : ""), i, j)); i += 1; j += 1
      }
    }
    let changed = rows.indices.filter { !rows[$0].0.hasPrefix(" ") }
    var keep = Set<Int>()
    for c in changed { for k in max(0, c - context)...min(rows.count - 1, c + context) { keep.insert(k) } }
    var out: [String] = []
    var previous = -2
    for k in keep.sorted() {
      if k != previous + 1 { out.append("@@ line \(rows[k].1 + 1)") }
      out.append(rows[k].0)
      previous = k
      if out.count >= limit {
        out.append("… (\(changed.count) changed lines in all)")
        break
      }
    }
    return out.joined(separator: "\n")
  }
}
