import Foundation

/// An ordered JSON value: objects keep their keys in insertion order, as Voucherify's payloads do.
public enum JSON: Sendable, Equatable {
  case null
  case bool(Bool)
  /// An integral number, written without a decimal point.
  case int(Int)
  /// A non-integral (or out-of-range) number, written the way JavaScript's `Number#toString` does.
  case double(Double)
  case string(String)
  case array([JSON])
  case object(JSONObject)
}

/// One key/value pair of a `JSONObject`.
public struct JSONMember: Sendable, Equatable {
  /// The key.
  public var key: String
  /// The value.
  public var value: JSON

  /// Creates a member.
  public init(_ key: String, _ value: JSON) {
    self.key = key
    self.value = value
  }
}

/// A JSON object that keeps its members in order; assigning an existing key replaces it in place.
public struct JSONObject: Sendable, Equatable, ExpressibleByDictionaryLiteral {
  /// The members, in order.
  public private(set) var members: [JSONMember]

  /// Creates an object from ordered members; a repeated key keeps its first position and last value (as
  /// JavaScript's `JSON.parse` does). Linear in the members, however many keys repeat.
  public init(_ members: [JSONMember] = []) {
    var unique: [JSONMember] = []
    unique.reserveCapacity(members.count)
    var position: [String: Int] = [:]  // filled once the object is too wide to scan
    for member in members {
      if unique.count >= Self.scanLimit && position.isEmpty {
        for (i, m) in unique.enumerated() { position[m.key] = i }
      }
      let existing =
        position.isEmpty ? unique.firstIndex(where: { $0.key == member.key }) : position[member.key]
      if let existing {
        unique[existing].value = member.value
      } else {
        if !position.isEmpty { position[member.key] = unique.count }
        unique.append(member)
      }
    }
    self.members = unique
  }

  /// Up to this many members a repeated key is found by scanning; wider objects index their keys.
  private static let scanLimit = 16

  /// Creates an object from a literal, keeping the literal's order (a repeated key as `init(_:)` keeps it). Built in
  /// place: a literal is narrow, and mapping its elements to members first cost an array each.
  public init(dictionaryLiteral elements: (String, JSON)...) { self.init(literal: elements) }

  /// An object literal's members (see `init(dictionaryLiteral:)`).
  init(literal elements: [(String, JSON)]) {
    members = []
    members.reserveCapacity(elements.count)
    for (key, value) in elements { self[key] = value }
  }

  /// The keys, in order.
  public var keys: [String] { members.map(\.key) }

  /// The number of members.
  public var count: Int { members.count }

  /// The value for `key`; setting `nil` removes the key.
  public subscript(key: String) -> JSON? {
    get { members.first(where: { $0.key == key })?.value }
    set {
      let index = members.firstIndex(where: { $0.key == key })
      switch (index, newValue) {
      case let (i?, value?): members[i].value = value
      case let (i?, nil): members.remove(at: i)
      case let (nil, value?): members.append(JSONMember(key, value))
      case (nil, nil): break
      }
    }
  }

  /// Appends a member without checking for an existing key (for builders that know keys are unique).
  public mutating func append(_ key: String, _ value: JSON) {
    members.append(JSONMember(key, value))
  }

  /// Makes room for `count` members, so that appending that many grows the storage once.
  public mutating func reserveCapacity(_ count: Int) { members.reserveCapacity(count) }

  /// Sets every member of `other`, in its order: a key already here is replaced in place, a new one appended.
  public mutating func merge(_ other: JSONObject) {
    for member in other.members { self[member.key] = member.value }
  }

  /// A copy with every member of `other` set, as `merge` sets them.
  public func merging(_ other: JSONObject) -> JSONObject {
    var copy = self
    copy.merge(other)
    return copy
  }
}

extension JSON: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
  ExpressibleByFloatLiteral, ExpressibleByNilLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
  /// `"text"` is a JSON string.
  public init(stringLiteral value: String) { self = .string(value) }
  /// `42` is a JSON integer.
  public init(integerLiteral value: Int) { self = .int(value) }
  /// `true` is a JSON boolean.
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  /// `1.5` is a JSON number.
  public init(floatLiteral value: Double) { self = .double(value) }
  /// `nil` is JSON `null`.
  public init(nilLiteral: ()) { self = .null }
  /// `[a, b]` is a JSON array.
  public init(arrayLiteral elements: JSON...) { self = .array(elements) }
  /// `["k": v]` is a JSON object, keys in the order written.
  public init(dictionaryLiteral elements: (String, JSON)...) { self = .object(JSONObject(literal: elements)) }
}

extension JSON {
  /// The string, or `nil` if this is not a string.
  public var stringValue: String? { if case .string(let s) = self { s } else { nil } }
  /// The integer, or `nil` if this is not an integral number.
  public var intValue: Int? {
    switch self {
    case .int(let i): i
    case .double(let d) where d.rounded() == d && abs(d) < 9.0e15: Int(d)
    default: nil
    }
  }
  /// The number as a `Double`, or `nil` if this is not a number.
  public var doubleValue: Double? {
    switch self {
    case .int(let i): Double(i)
    case .double(let d): d
    default: nil
    }
  }
  /// The Boolean, or `nil` if this is not a Boolean.
  public var boolValue: Bool? { if case .bool(let b) = self { b } else { nil } }
  /// The elements, or `nil` if this is not an array.
  public var arrayValue: [JSON]? { if case .array(let a) = self { a } else { nil } }
  /// The object, or `nil` if this is not an object.
  public var objectValue: JSONObject? { if case .object(let o) = self { o } else { nil } }
  /// Whether this is `null`.
  public var isNull: Bool { self == .null }

  /// The member `key` of an object, or `nil`.
  public subscript(key: String) -> JSON? { objectValue?[key] }

  /// Follows a dotted path (`order.items.0.price`) through objects and arrays.
  public func value(atPath path: some StringProtocol) -> JSON? {
    var current: JSON? = self
    for part in path.split(separator: ".", omittingEmptySubsequences: false) {
      switch current {
      case .object(let o)?: current = o[String(part)]
      case .array(let a)?:
        guard let i = Int(part), a.indices.contains(i) else { return nil }
        current = a[i]
      default: return nil
      }
    }
    return current
  }

  /// The JSON type name used in error messages (`object`, `array`, `string`, `number`, `boolean`, `null`).
  public var typeName: String {
    switch self {
    case .null: "null"
    case .bool: "boolean"
    case .int, .double: "number"
    case .string: "string"
    case .array: "array"
    case .object: "object"
    }
  }
}
