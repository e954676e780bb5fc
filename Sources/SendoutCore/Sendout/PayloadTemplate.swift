/// A distribution's payload-designer template (seed 001, "Payload designer"): JSON whose values may be
/// static, dynamic (`{{customer.name}}`), mixed (`"Hello {{customer.name}}"`), nested, or an unquoted
/// placeholder that inserts a typed value (`"total": {{order.total_amount}}`).
public struct PayloadTemplate: Sendable, Equatable {
  /// One node of the template tree.
  public indirect enum Node: Sendable, Equatable {
    /// A static value.
    case literal(JSON)
    /// An unquoted `{{path}}`: the value at `path`, with its JSON type.
    case value(Placeholder)
    /// A quoted string with static text and placeholders, always rendered as a string.
    case text([TextPart])
    /// An object whose member values are nodes, in order.
    case object([(String, Node)])
    /// An array of nodes.
    case array([Node])

    /// Whether two nodes are the same template (object members compared in order).
    public static func == (a: Node, b: Node) -> Bool {
      switch (a, b) {
      case let (.literal(x), .literal(y)): x == y
      case let (.value(x), .value(y)): x == y
      case let (.text(x), .text(y)): x == y
      case let (.array(x), .array(y)): x == y
      case let (.object(x), .object(y)): x.map(\.0) == y.map(\.0) && x.map(\.1) == y.map(\.1)
      default: false
      }
    }
  }

  /// A piece of a quoted string.
  public enum TextPart: Sendable, Equatable {
    /// Static text.
    case text(String)
    /// A placeholder whose value is written into the string.
    case placeholder(Placeholder)
  }

  /// A `{{path}}` with where it stands in the template text.
  public struct Placeholder: Sendable, Equatable {
    /// The dotted path into the event's `data` (`order.items.0.price`).
    public var path: String
    /// 1-based line of the opening `{{`.
    public var line: Int
    /// 1-based column of the opening `{{`.
    public var column: Int
  }

  /// The root node.
  public var root: Node

  /// Every placeholder, in template order.
  public var placeholders: [Placeholder] { PayloadTemplate.placeholders(in: root) }

  /// Largest template accepted, in UTF-8 bytes (Voucherify's payload designer is for small payloads).
  public static let maxBytes = 1 << 20

  /// Parses template text; errors carry `line:column`. Text over `maxBytes` is rejected.
  public init(parsing text: String) throws(TemplateError) {
    guard text.utf8.count <= PayloadTemplate.maxBytes else {
      throw .syntax(
        line: 1, column: 1,
        reason: "Template is \(text.utf8.count) bytes; the limit is \(PayloadTemplate.maxBytes) (1 MiB)")
    }
    root = try TemplateParser.parse(Array(text.utf8))
  }

  /// Checks every placeholder against the keys an event's `data` carries; the error lists what is available.
  public func validate(against data: JSONObject) throws(TemplateError) {
    let value = JSON.object(data)
    for placeholder in placeholders where value.value(atPath: placeholder.path) == nil {
      throw .unknownKey(placeholder, available: PayloadTemplate.availablePaths(near: placeholder.path, in: value))
    }
  }

  /// The designed payload for `data`.
  public func render(_ data: JSONObject) -> JSON { PayloadTemplate.render(root, .object(data)) }

  private static func render(_ node: Node, _ data: JSON) -> JSON {
    switch node {
    case .literal(let v): return v
    case .value(let p): return data.value(atPath: p.path) ?? .null
    case .text(let parts):
      var s = ""
      for part in parts {
        switch part {
        case .text(let t): s += t
        case .placeholder(let p): s += textValue(data.value(atPath: p.path) ?? .null)
        }
      }
      return .string(s)
    case .object(let members): return .object(JSONObject(members.map { JSONMember($0.0, render($0.1, data)) }))
    case .array(let nodes): return .array(nodes.map { render($0, data) })
    }
  }

  /// How a value reads inside a string: strings as-is, `null` as empty, everything else as JSON.
  static func textValue(_ value: JSON) -> String {
    switch value {
    case .string(let s): s
    case .null: ""
    default: value.compactString
    }
  }

  private static func placeholders(in node: Node) -> [Placeholder] {
    switch node {
    case .literal: []
    case .value(let p): [p]
    case .text(let parts):
      parts.compactMap { if case .placeholder(let p) = $0 { p } else { nil } }
    case .object(let members): members.flatMap { placeholders(in: $0.1) }
    case .array(let nodes): nodes.flatMap { placeholders(in: $0) }
    }
  }

  /// The paths available at the deepest existing prefix of `path` (top-level keys when nothing matches).
  static func availablePaths(near path: String, in data: JSON) -> [String] {
    var parts = path.split(separator: ".").map(String.init)
    while !parts.isEmpty {
      parts.removeLast()
      let prefix = parts.joined(separator: ".")
      if let object = (parts.isEmpty ? data : data.value(atPath: prefix))?.objectValue {
        return object.keys.map { prefix.isEmpty ? $0 : prefix + "." + $0 }
      }
    }
    return data.objectValue?.keys ?? []
  }
}

/// Why a payload template was rejected.
public enum TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The template text is malformed at `line:column`.
  case syntax(line: Int, column: Int, reason: String)
  /// A placeholder names a key the event does not carry.
  case unknownKey(PayloadTemplate.Placeholder, available: [String])

  /// One line for the user.
  public var description: String {
    switch self {
    case .syntax(let line, let column, let reason): "\(line):\(column): \(reason)"
    case .unknownKey(let p, let available):
      "\(p.line):\(p.column): Placeholder {{\(p.path)}} names a key this event does not carry; available: "
        + available.joined(separator: ", ")
    }
  }
}

extension PayloadTemplate {
  /// The template the dashboard's attribute selection makes: each selected path under its new key, or,
  /// when not renamed (empty key), nested under its own path (`customer.name` → `{"customer":{"name":…}}`).
  public init(attributes: [(path: String, key: String)]) {
    var root: [(String, Node)] = []
    func insert(_ parts: ArraySlice<String>, _ leaf: Node, into members: inout [(String, Node)]) {
      guard let head = parts.first else { return }
      if parts.count == 1 {
        members.append((head, leaf))
        return
      }
      var children: [(String, Node)] = []
      if let i = members.firstIndex(where: { $0.0 == head }), case .object(let existing) = members[i].1 {
        children = existing
        members.remove(at: i)
      }
      insert(parts.dropFirst(), leaf, into: &children)
      members.append((head, .object(children)))
    }
    for (path, key) in attributes {
      let leaf = Node.value(Placeholder(path: path, line: 1, column: 1))
      if key.isEmpty {
        insert(ArraySlice(path.split(separator: ".").map(String.init)), leaf, into: &root)
      } else {
        root.append((key, leaf))
      }
    }
    self.root = .object(root)
  }
}
