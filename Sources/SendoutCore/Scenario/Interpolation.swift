/// `${…}` in scenario strings: environment variables at load time, step references at run time.
enum Interpolation {
  /// `s` with every `${inner}` replaced by `replacement(inner)`; an unclosed `${` is an error at `path`.
  static func replace(
    in s: String, file: String, path: String, _ replacement: (String) throws(ScenarioError) -> String
  ) throws(ScenarioError) -> String {
    var out = ""
    var rest = Substring(s)
    while let open = rest.range(of: "${") {
      out += rest[..<open.lowerBound]
      guard let close = rest[open.upperBound...].firstIndex(of: "}") else {
        throw ScenarioError(file: file, path: path, reason: "unclosed '${' in \"\(s)\"")
      }
      out += try replacement(String(rest[open.upperBound..<close]))
      rest = rest[rest.index(after: close)...]
    }
    return out + rest
  }
}
