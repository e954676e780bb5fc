/// Why a scenario file was rejected: always with the file, and a `line:column` or a field path.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The scenario file (as given on the command line).
  public var file: String
  /// `line:column` for syntax errors, or nil.
  public var position: (line: Int, column: Int)? {
    get { line.map { ($0, column ?? 1) } }
    set {
      line = newValue?.line
      column = newValue?.column
    }
  }
  private var line: Int?
  private var column: Int?
  /// The field path, e.g. `steps.3.redeem.count`, or empty.
  public var path: String
  /// What is wrong and what is allowed.
  public var reason: String
  /// Voucherify's refusal, when a step asked the world for something its rules do not allow.
  public var refusal: VoucherifyError?

  /// An error at a field path.
  public init(file: String, path: String, reason: String) {
    self.file = file
    self.path = path
    self.reason = reason
  }

  /// A world rule's refusal at a field path; the reason is its line for the user.
  public init(file: String, path: String, refusal: VoucherifyError) {
    self.init(file: file, path: path, reason: refusal.line)
    self.refusal = refusal
  }

  /// An error at a position in the text.
  public init(file: String, line: Int, column: Int, reason: String) {
    self.file = file
    self.line = line
    self.column = column
    self.path = ""
    self.reason = reason
  }

  /// `file:3:14: reason`, ``file: at `steps.3.redeem.count`: reason``, or both (`sendout validate` locates fields).
  public var description: String {
    if let line { return "\(file):\(line):\(column ?? 1): " + (path.isEmpty ? "" : "at `\(path)`: ") + reason }
    if path.isEmpty { return "\(file): \(reason)" }
    return "\(file): at `\(path)`: \(reason)"
  }

  /// `{"file", "line", "column", "path", "message"}` for `validate --json` (`line`/`column` null when unknown).
  public var json: JSON {
    var o = JSONObject()
    o.append("file", .string(file))
    o.append("line", line.map { .int($0) } ?? .null)
    o.append("column", line.map { _ in .int(column ?? 1) } ?? .null)
    o.append("path", .string(path))
    o.append("message", .string(reason))
    return .object(o)
  }
}
