/// "Did you mean" suggestions by edit distance.
public enum Suggest {
  /// The candidates closest to `word` (at most `limit`, within a distance that scales with length).
  public static func closest(to word: String, in candidates: [String], limit: Int = 3) -> [String] {
    let scored = candidates.map { ($0, distance(word, $0)) }
    let threshold = max(2, word.count / 3)
    let contains = candidates.filter { $0.contains(word) || (word.count > 3 && word.contains($0)) }
    let near = scored.filter { $0.1 <= threshold }.sorted { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }.map(\.0)
    var result: [String] = []
    for c in near + contains where !result.contains(c) { result.append(c) }
    return Array(result.prefix(limit))
  }

  /// The single closest candidate, if any is close enough.
  public static func closest(to word: String, in candidates: [String]) -> String? {
    closest(to: word, in: candidates, limit: 1).first
  }

  /// Levenshtein distance.
  public static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a.utf8)
    let b = Array(b.utf8)
    if a.isEmpty { return b.count }
    var previous = Array(0...b.count)
    var current = previous
    for i in 1...a.count {
      current[0] = i
      for j in 1...max(b.count, 1) where j <= b.count {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
