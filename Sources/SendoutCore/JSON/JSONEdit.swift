/// One change to a JSON document at a dotted path (`data.customer.email`, `data.order.items.0.quantity`):
/// `--set PATH=VALUE` and `--unset PATH` on `render` and `fire`. Numeric segments index arrays.
public enum JSONEdit: Sendable, Equatable {
  /// Set the value at the path (replacing what is there).
  case set(path: [String], value: JSON)
  /// Remove the key (or array element) at the path.
  case unset(path: [String])

  /// The path's segments.
  public var path: [String] {
    switch self {
    case .set(let path, _), .unset(let path): path
    }
  }

  /// `PATH=VALUE`: the value is JSON when it parses as JSON (`12900`, `true`, `null`, `{"a":1}`, `"12"`), else
  /// the text as a string (`dev@example.com`).
  public static func parse(set text: String) throws(JSONEditError) -> JSONEdit {
    guard let equals = text.firstIndex(of: "=") else { throw .noValue(text) }
    let path = try parse(path: String(text[..<equals]))
    let valueText = String(text[text.index(after: equals)...])
    let value = (try? JSONParser.parse(valueText)) ?? .string(valueText)
    return .set(path: path, value: value)
  }

  /// `PATH` for `--unset`.
  public static func parse(unset text: String) throws(JSONEditError) -> JSONEdit { .unset(path: try parse(path: text)) }

  /// The segments of a dotted path; empty segments are refused.
  static func parse(path text: String) throws(JSONEditError) -> [String] {
    let segments = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    guard !text.isEmpty, !segments.contains(where: \.isEmpty) else { throw .badPath(text) }
    return segments
  }

  /// `json` with `edits` applied in order. A path whose parent does not exist is an error naming the nearest
  /// existing parent, unless `createMissing` (then missing objects are made on the way, and a missing key is
  /// added); an index may be one past an array's end only with `createMissing` (it appends).
  public static func apply(_ edits: [JSONEdit], to json: JSON, createMissing: Bool = false) throws(JSONEditError)
    -> JSON
  {
    var result = json
    for edit in edits {
      switch edit {
      case .set(let path, let value):
        result = try set(value, at: path[...], in: result, walked: [], createMissing: createMissing)
      case .unset(let path):
        result = try unset(path[...], in: result, walked: [])
      }
    }
    return result
  }

  private static func set(
    _ value: JSON, at path: ArraySlice<String>, in node: JSON, walked: [String], createMissing: Bool
  ) throws(JSONEditError) -> JSON {
    guard let key = path.first else { return value }
    let rest = path.dropFirst()
    switch node {
    case .object(var object):
      let child: JSON
      if let existing = object[key] {
        child = existing
      } else if createMissing {
        child = .object(JSONObject())
      } else {
        throw .missing(path: walked + Array(path), parent: walked, keys: object.keys)
      }
      object[key] = try set(value, at: rest, in: child, walked: walked + [key], createMissing: createMissing)
      return .object(object)
    case .array(var array):
      guard let index = Int(key), index >= 0 else { throw .notAnIndex(key, parent: walked, count: array.count) }
      if index < array.count {
        array[index] = try set(value, at: rest, in: array[index], walked: walked + [key], createMissing: createMissing)
      } else if index == array.count, createMissing {
        array.append(try set(value, at: rest, in: .object(JSONObject()), walked: walked + [key], createMissing: true))
      } else {
        throw .outOfRange(index, parent: walked, count: array.count)
      }
      return .array(array)
    default:
      throw .notAContainer(parent: walked, type: node.typeName)
    }
  }

  private static func unset(_ path: ArraySlice<String>, in node: JSON, walked: [String]) throws(JSONEditError) -> JSON {
    guard let key = path.first else { return node }
    let rest = path.dropFirst()
    switch node {
    case .object(var object):
      guard let child = object[key] else {
        throw .missing(path: walked + Array(path), parent: walked, keys: object.keys)
      }
      if rest.isEmpty {
        object[key] = JSON?.none  // not `nil`: JSON is ExpressibleByNilLiteral, so a bare nil would set `null`
      } else {
        object[key] = try unset(rest, in: child, walked: walked + [key])
      }
      return .object(object)
    case .array(var array):
      guard let index = Int(key), index >= 0 else { throw .notAnIndex(key, parent: walked, count: array.count) }
      guard index < array.count else { throw .outOfRange(index, parent: walked, count: array.count) }
      if rest.isEmpty {
        array.remove(at: index)
      } else {
        array[index] = try unset(rest, in: array[index], walked: walked + [key])
      }
      return .array(array)
    default:
      throw .notAContainer(parent: walked, type: node.typeName)
    }
  }
}
