extension ScenarioRun {
  /// Replaces `${step.field}` references in every string of `value`: a string that is exactly one reference
  /// takes the referred value with its type; references inside longer strings are inserted as text.
  func resolve(_ value: JSON, path: String) throws(ScenarioError) -> JSON {
    switch value {
    case .string(let s) where s.contains("${"):
      return try resolveString(s, path: path)
    case .array(let a):
      var out: [JSON] = []
      for (i, v) in a.enumerated() { out.append(try resolve(v, path: "\(path).\(i)")) }
      return .array(out)
    case .object(let o):
      var out = JSONObject()
      for m in o.members { out.append(m.key, try resolve(m.value, path: "\(path).\(m.key)")) }
      return .object(out)
    default:
      return value
    }
  }

  private func resolveString(_ s: String, path: String) throws(ScenarioError) -> JSON {
    if s.hasPrefix("${"), s.hasSuffix("}"), s.dropFirst(2).firstIndex(of: "}") == s.index(before: s.endIndex) {
      return try lookup(String(s.dropFirst(2).dropLast()), path: path)
    }
    let text = try Interpolation.replace(in: s, file: file, path: path) { (inner) throws(ScenarioError) in
      let value = try lookup(inner, path: path)
      return value.stringValue ?? value.compactString
    }
    return .string(text)
  }

  /// The value of `step.field.sub` from the latest run of the named step.
  func lookup(_ reference: String, path: String) throws(ScenarioError) -> JSON {
    let parts = reference.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    let name = parts[0]
    guard var value = results[name] else {
      let known =
        resultNames.isEmpty ? "no named step has run yet" : "named steps so far: \(resultNames.joined(separator: ", "))"
      let hint = Suggest.closest(to: name, in: resultNames).map { " (did you mean '\($0)'?)" } ?? ""
      throw ScenarioError(
        file: file, path: path,
        reason: "unknown reference '${\(reference)}': no earlier step is named '\(name)'\(hint); \(known)")
    }
    var walked = name
    for part in parts.dropFirst() {
      var next: JSON?
      switch value {
      case .object(let o): next = o[part]
      case .array(let a): next = Int(part).flatMap { a.indices.contains($0) ? a[$0] : nil }
      default: next = nil
      }
      guard let found = next else {
        let available: String
        switch value {
        case .object(let o): available = "available fields: " + o.keys.joined(separator: ", ")
        case .array(let a): available = "it is an array of \(a.count); use an index 0...\(max(0, a.count - 1))"
        default: available = "it is \(value.typeName) \(value.compactString), which has no fields"
        }
        throw ScenarioError(
          file: file, path: path,
          reason: "unknown reference '${\(reference)}': `\(walked)` has no '\(part)'; \(available)")
      }
      value = found
      walked += "." + part
    }
    return value
  }
}
