/// Why a `--set`/`--unset` could not be applied; the message names the nearest existing parent.
public enum JSONEditError: Error, Sendable, Equatable {
  /// `--set` without `=`.
  case noValue(String)
  /// An empty path or an empty segment (`data..id`).
  case badPath(String)
  /// The key does not exist under `parent` (which has `keys`).
  case missing(path: [String], parent: [String], keys: [String])
  /// A segment that is not an index, under an array.
  case notAnIndex(String, parent: [String], count: Int)
  /// An index past the end of the array under `parent`.
  case outOfRange(Int, parent: [String], count: Int)
  /// The path goes through a value that is neither an object nor an array.
  case notAContainer(parent: [String], type: String)

  /// One line for the user.
  public var message: String {
    switch self {
    case .noValue(let text): "Invalid --set '\(text)': expected PATH=VALUE, e.g. data.customer.email=dev@example.com"
    case .badPath(let text): "Invalid path '\(text)': expected dot-separated keys, e.g. data.order.amount"
    case .missing(let path, let parent, let keys):
      "Path '\(path.joined(separator: "."))' does not exist: \(Self.name(parent)) has no key '\(path[parent.count])'"
        + " (it has: \(keys.prefix(20).joined(separator: ", "))\(keys.count > 20 ? ", …" : ""));"
        + " pass --set-new to create missing keys"
    case .notAnIndex(let key, let parent, let count):
      "Path segment '\(key)' under \(Self.name(parent)) must be an index: it is an array of \(count)"
    case .outOfRange(let index, let parent, let count):
      "Index \(index) is out of range: \(Self.name(parent)) is an array of \(count)"
        + " (indexes 0…\(max(0, count - 1)); --set-new appends at \(count))"
    case .notAContainer(let parent, let type):
      "Path goes through \(Self.name(parent)), which is a \(type), not an object or array"
    }
  }

  private static func name(_ path: [String]) -> String {
    path.isEmpty ? "the body" : "'\(path.joined(separator: "."))'"
  }
}
