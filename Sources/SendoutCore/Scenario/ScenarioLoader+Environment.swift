/// `${NAME}` and `${NAME:-default}` in a scenario's strings, replaced from the environment as the file is read.
extension ScenarioLoader {
  /// Replaces `${NAME}` / `${NAME:-default}` (names without dots) in every string; `${step.field}` is left for run time.
  func substitute(_ value: JSON, path: String, used: inout EnvironmentValues) throws(ScenarioError) -> JSON {
    switch value {
    case .string(let s) where s.contains("${"):
      if s.hasPrefix("${"), s.hasSuffix("}"), s.firstIndex(of: "}") == s.index(before: s.endIndex) {
        let name = String(s.dropFirst(2).dropLast().split(separator: ":-", maxSplits: 1).first ?? "")
        if !name.contains(".") { used.record(path: path, name: name, fromEnvironment: environment?[name] != nil) }
      }
      return .string(try substituteString(s, path: path, used: &used))
    case .array(let a):
      var out: [JSON] = []
      for (i, v) in a.enumerated() {
        out.append(try substitute(v, path: path.isEmpty ? "\(i)" : "\(path).\(i)", used: &used))
      }
      return .array(out)
    case .object(let o):
      var out = JSONObject()
      for m in o.members {
        out.append(m.key, try substitute(m.value, path: path.isEmpty ? m.key : "\(path).\(m.key)", used: &used))
      }
      return .object(out)
    default:
      return value
    }
  }

  private func substituteString(_ s: String, path: String, used: inout EnvironmentValues) throws(ScenarioError)
    -> String
  {
    try Interpolation.replace(in: s, file: file, path: path) { (inner) throws(ScenarioError) in
      let parts = inner.split(separator: ":-", maxSplits: 1).map(String.init)
      let name = parts.first ?? ""
      if name.contains(".") { return "${\(inner)}" }  // a step reference, resolved when the step runs
      if let value = environment?[name] {
        used.record(name, value)
        return value
      }
      if parts.count > 1 { return parts[1] }
      throw ScenarioError(
        file: file, path: path,
        reason: environment == nil
          ? "${\(name)} is not expanded here: a scenario sent over HTTP carries literal values (the server's "
            + "environment is not read); write the value, or ${\(name):-default}"
          : "environment variable \(name) is not set (use ${\(name):-default} for a default)")
    }
  }
}
