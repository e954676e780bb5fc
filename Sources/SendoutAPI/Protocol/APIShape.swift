import SendoutCore

/// What the spec allows for one value of a request (a body, a field, an element): the types a request check
/// tells apart, read from the compact notation `scripts/gen-api-operations.py --shapes` writes.
package indirect enum APIShape: Sendable, Equatable {
  /// Anything (the spec says no type, or says more than the check reads).
  case any
  /// A string; `allowed` lists its values when the spec gives an enum (empty: any string).
  case string(allowed: [String])
  /// A calendar date as a string, `YYYY-MM-DD` (the spec's `format: date`).
  case date
  /// A JSON integer (`10`; `10.0` and `"10"` are not).
  case integer
  /// A JSON number.
  case number
  /// `true` or `false`.
  case boolean
  /// An object: its known fields (unknown ones are accepted, as by Voucherify) and the required ones.
  case object(fields: [String: APIShape], required: [String])
  /// An array of `element`.
  case array(APIShape)
  /// The spec's component schema of this name.
  case named(String)
  /// A value that matches one of these.
  case anyOf([APIShape])
  /// `null`, or a value of the wrapped shape.
  case nullable(APIShape)

  /// The shape written in the generator's notation: `"string"`, `"date"`, `{"enum": […]}`, `{"object": {…}, "required":
  /// […]}`, `{"array": …}`, `{"ref": "Name"}`, `{"anyOf": […]}`, `{"nullable": …}`; anything else is `.any`.
  package init(notation: JSON) {
    switch notation {
    case "string": self = .string(allowed: [])
    case "date": self = .date
    case "integer": self = .integer
    case "number": self = .number
    case "boolean": self = .boolean
    case .object(let o):
      if let values = o["enum"]?.arrayValue {
        self = .string(allowed: values.compactMap(\.stringValue))
      } else if let fields = o["object"]?.objectValue {
        self = .object(
          fields: Dictionary(fields.members.map { ($0.key, APIShape(notation: $0.value)) }) { first, _ in first },
          required: (o["required"]?.arrayValue ?? []).compactMap(\.stringValue))
      } else if let element = o["array"] {
        self = .array(APIShape(notation: element))
      } else if let name = o["ref"]?.stringValue {
        self = .named(name)
      } else if let alternatives = o["anyOf"]?.arrayValue {
        self = .anyOf(alternatives.map(APIShape.init(notation:)))
      } else if let inner = o["nullable"] {
        self = .nullable(APIShape(notation: inner))
      } else {
        self = .any
      }
    default: self = .any
    }
  }

  /// How the shape reads in an error: "an integer", "one of A, B", "a string or an object".
  package func described(in schemas: [String: APIShape]) -> String {
    switch self {
    case .any: "any value"
    case .string(let allowed) where allowed.isEmpty: "a string"
    case .string(let allowed): "one of \(allowed.joined(separator: ", "))"
    case .date: "a date YYYY-MM-DD"
    case .integer: "an integer"
    case .number: "a number"
    case .boolean: "a boolean"
    case .object: "an object"
    case .array: "an array"
    case .named(let name): (schemas[name] ?? .any).described(in: schemas)
    case .anyOf(let alternatives): alternatives.map { $0.described(in: schemas) }.joined(separator: " or ")
    case .nullable(let inner): inner.described(in: schemas)
    }
  }
}
