/// Reads one JSON object of a scenario with typed accessors whose errors name the field path and what
/// is allowed; unknown keys are rejected with the list of known ones (typos never pass silently).
public struct FieldReader {
  /// The object being read.
  public let object: JSONObject
  /// Its path from the root (`steps.3.redeem`), empty for the root.
  public let path: String
  let file: String
  private var read: Set<String> = []

  /// A reader for `value`, which must be an object.
  public init(_ value: JSON, path: String, file: String) throws(ScenarioError) {
    guard case .object(let object) = value else {
      throw ScenarioError(
        file: file, path: path.isEmpty ? "(root)" : path, reason: "expected an object, found \(value.typeName)")
    }
    self.object = object
    self.path = path
    self.file = file
  }

  /// The path of member `key`.
  public func child(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

  /// An error at member `key` (or at this object when `key` is nil).
  public func error(_ key: String?, _ reason: String) -> ScenarioError {
    ScenarioError(file: file, path: key.map(child) ?? (path.isEmpty ? "(root)" : path), reason: reason)
  }

  /// The raw value of `key`, marking it read.
  public mutating func value(_ key: String) -> JSON? {
    read.insert(key)
    if case .null? = object[key] { return nil }
    return object[key]
  }

  /// A required member.
  public mutating func required(_ key: String) throws(ScenarioError) -> JSON {
    guard let v = value(key) else { throw error(key, "is required") }
    return v
  }

  /// A string member.
  public mutating func string(_ key: String) throws(ScenarioError) -> String? {
    guard let v = value(key) else { return nil }
    guard case .string(let s) = v else { throw error(key, "expected a string, found \(v.typeName)") }
    return s
  }

  /// An integer member, checked against `range`.
  public mutating func int(_ key: String, in range: ClosedRange<Int> = 0...Int.max) throws(ScenarioError) -> Int? {
    guard let v = value(key) else { return nil }
    guard let i = v.intValue else { throw error(key, "expected an integer, found \(v.typeName) \(v.compactString)") }
    guard range.contains(i) else {
      throw error(key, "expected an integer in \(range.lowerBound)...\(range.upperBound), found \(i)")
    }
    return i
  }

  /// A number member.
  public mutating func double(_ key: String) throws(ScenarioError) -> Double? {
    guard let v = value(key) else { return nil }
    guard let d = v.doubleValue else { throw error(key, "expected a number, found \(v.typeName)") }
    return d
  }

  /// A Boolean member.
  public mutating func bool(_ key: String) throws(ScenarioError) -> Bool? {
    guard let v = value(key) else { return nil }
    guard case .bool(let b) = v else { throw error(key, "expected true or false, found \(v.typeName)") }
    return b
  }

  /// An array member.
  public mutating func array(_ key: String) throws(ScenarioError) -> [JSON]? {
    guard let v = value(key) else { return nil }
    guard case .array(let a) = v else { throw error(key, "expected an array, found \(v.typeName)") }
    return a
  }

  /// A string member that must be one of `allowed`.
  public mutating func oneOf(_ key: String, _ allowed: [String]) throws(ScenarioError) -> String? {
    guard let s = try string(key) else { return nil }
    guard allowed.contains(s) else {
      let hint = Suggest.closest(to: s, in: allowed).map { " (did you mean '\($0)'?)" } ?? ""
      throw error(key, "'\(s)' is not allowed\(hint); expected one of: \(allowed.joined(separator: ", "))")
    }
    return s
  }

  /// A duration member such as `"500ms"` or `"2s"`, in milliseconds.
  public mutating func duration(_ key: String) throws(ScenarioError) -> Double? {
    guard let s = try string(key) else { return nil }
    guard let ms = DurationText.milliseconds(s) else {
      throw error(key, "'\(s)' is not a duration up to \(DurationText.maxText); expected e.g. 500ms, 2s, 1m")
    }
    return ms
  }

  /// A string → string object member (headers, attribute renames), keeping order.
  public mutating func stringMap(_ key: String) throws(ScenarioError) -> [(String, String)] {
    guard let v = value(key) else { return [] }
    guard case .object(let o) = v else { throw error(key, "expected an object of strings, found \(v.typeName)") }
    var pairs: [(String, String)] = []
    for member in o.members {
      guard case .string(let s) = member.value else {
        throw error(key + "." + member.key, "expected a string, found \(member.value.typeName)")
      }
      pairs.append((member.key, s))
    }
    return pairs
  }

  /// A reader for an object member.
  public mutating func reader(_ key: String) throws(ScenarioError) -> FieldReader? {
    guard let v = value(key) else { return nil }
    return try FieldReader(v, path: child(key), file: file)
  }

  /// Throws if the object has keys that were never read.
  public func finish() throws(ScenarioError) {
    for key in object.keys where !read.contains(key) {
      let known = read.sorted()
      let hint = Suggest.closest(to: key, in: known).map { " (did you mean '\($0)'?)" } ?? ""
      throw error(key, "unknown key\(hint); allowed here: \(known.joined(separator: ", "))")
    }
  }
}
