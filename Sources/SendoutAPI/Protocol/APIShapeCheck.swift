import SendoutCore

/// Walks a value against an `APIShape` and says what is wrong first, in the value's own order: a wrong type, a
/// missing required field, a string outside its enum; a field path such as `order.items[0].quantity`.
struct APIShapeCheck {
  /// What is wrong with a value: the sentence for `details`, and the required field that is missing, if that is it.
  struct Problem: Equatable {
    /// "`order.items[0].quantity` must be an integer, got '2'".
    var details: String
    /// The path of the missing required field (`customer`), when one is missing.
    var missing: String?
  }

  /// The component schemas that `.named` shapes refer to.
  let schemas: [String: APIShape]

  /// The first problem of `value` at `path`, or `nil` when it fits.
  func problem(_ value: JSON, shape: APIShape, path: String) -> Problem? {
    switch (shape, value) {
    case (.any, _): return nil
    case (.nullable, .null): return nil
    case (.nullable(let inner), _): return problem(value, shape: inner, path: path)
    case (.named(let name), _): return problem(value, shape: schemas[name] ?? .any, path: path)
    case (.string(let allowed), .string(let text)):
      return allowed.isEmpty || allowed.contains(text) ? nil : mismatch(shape, value, path)
    case (.date, .string(let text)): return Self.isDate(text) ? nil : mismatch(shape, value, path)
    case (.integer, .int), (.number, .int), (.number, .double), (.boolean, .bool): return nil
    case (.array(let element), .array(let elements)):
      for (i, item) in elements.enumerated() {
        if let found = problem(item, shape: element, path: "\(path)[\(i)]") { return found }
      }
      return nil
    case (.object(let fields, let required), .object(let object)):
      for name in required where object[name] == nil {
        return Problem(details: "`\(join(path, name))` is required", missing: join(path, name))
      }
      for member in object.members {
        guard let field = fields[member.key] else { continue }
        if let found = problem(member.value, shape: field, path: join(path, member.key)) { return found }
      }
      return nil
    case (.anyOf(let alternatives), _):
      let problems = alternatives.map { problem(value, shape: $0, path: path) }
      if problems.contains(where: { $0 == nil }) { return nil }
      // One alternative of the value's own type: its problem is the precise one (a field deeper inside).
      let sameType = alternatives.indices.filter { Self.sameType(alternatives[$0], value, schemas) }
      if sameType.count == 1, let found = problems[sameType[0]] { return found }
      return mismatch(shape, value, path)
    default: return mismatch(shape, value, path)
    }
  }

  /// Whether query parameter `text` fits `shape` (a scalar or an enum; other shapes are not checked).
  static func accepts(_ text: String, _ shape: APIShape, in schemas: [String: APIShape]) -> Bool {
    switch shape {
    case .integer: Int(text) != nil
    case .number: Double(text)?.isFinite == true
    case .boolean: text == "true" || text == "false" || text.isEmpty
    case .string(let allowed): allowed.isEmpty || allowed.contains(text)
    case .date: isDate(text)
    case .nullable(let inner): accepts(text, inner, in: schemas)
    case .named(let name): accepts(text, schemas[name] ?? .any, in: schemas)
    default: true
    }
  }

  /// "`path` must be <shape>, got <value>": a string in single quotes (`got '2'`), anything else written
  /// compactly; cut at 40 characters.
  private func mismatch(_ shape: APIShape, _ value: JSON, _ path: String) -> Problem {
    let text = value.stringValue.map { "'\($0)'" } ?? value.compactString
    let shown = text.count > 40 ? text.prefix(40) + "…" : Substring(text)
    let field = path.isEmpty ? "body" : path
    return Problem(details: "`\(field)` must be \(shape.described(in: schemas)), got \(shown)")
  }

  private func join(_ path: String, _ name: String) -> String { path.isEmpty ? name : path + "." + name }

  /// Whether `shape` is for values of `value`'s JSON type (an object for an object, and so on).
  private static func sameType(_ shape: APIShape, _ value: JSON, _ schemas: [String: APIShape]) -> Bool {
    switch (shape, value) {
    case (.nullable(let inner), _): sameType(inner, value, schemas)
    case (.named(let name), _): sameType(schemas[name] ?? .any, value, schemas)
    case (.object, .object), (.array, .array), (.string, .string), (.date, .string), (.boolean, .bool): true
    case (.integer, .int), (.integer, .double), (.number, .int), (.number, .double): true
    default: false
    }
  }

  /// Whether `text` is a calendar date `YYYY-MM-DD` that exists (`2024-02-29` is, `2023-02-29` is not).
  static func isDate(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
    func number(_ range: Range<Int>) -> Int? {
      bytes[range].allSatisfy { (0x30...0x39).contains($0) } ? Int(String(decoding: bytes[range], as: UTF8.self)) : nil
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), (1...12).contains(month)
    else { return false }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    return (1...days).contains(day)
  }
}
