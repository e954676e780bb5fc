/// `load --save-result FILE.json`: a load run as JSON (`"object": "load_result"`, `"version": 1`), read back by
/// `load --report out.html FILE.json…`. The text report's JSON (`LoadReport.json`) rides along under `"report"` for
/// scripts; reading back takes only what the page draws.
extension LoadResult {
  /// The format's version: a file of another version is refused.
  public static let formatVersion = 1

  /// Why a result file cannot be read back: the field that is missing or of the wrong type.
  public struct FormatError: Error, Sendable, Equatable {
    /// One line naming the field and what was expected.
    public var message: String
  }

  /// The result as JSON, with `report` (the text report's JSON) for scripts.
  public func json(report: JSON) -> JSON {
    [
      "object": "load_result", "version": .int(Self.formatVersion), "command": .string(meta.command),
      "date": .string(meta.date), "sendout_version": .string(meta.version), "target": .string(target),
      "mode": .string(mode), "seconds": .double(seconds),
      "figures": .array(figures.map { .array($0.map(JSON.string)) }), "fell_behind": .bool(fellBehind),
      "interval_seconds": .double(intervalSeconds),
      "intervals": .array(
        intervals.map { i in
          [
            "completed": .int(i.completed), "errors": .int(i.errors), "p50": Self.number(i.p50),
            "p90": Self.number(i.p90), "p99": Self.number(i.p99),
          ]
        }),
      "distribution": .array(distribution.map { [.double($0.percentile), .double($0.milliseconds)] }),
      "measured": .int(measured), "failed": .int(failed), "report": report,
    ]
  }

  /// Reads a result back from `json`, labelled `label`.
  public init(json: JSON, label: String) throws(FormatError) {
    guard json["object"]?.stringValue == "load_result" else {
      throw FormatError(message: "not a load result (no \"object\": \"load_result\"); write one with --save-result")
    }
    guard json["version"]?.intValue == Self.formatVersion else {
      throw FormatError(
        message: "`version` must be \(Self.formatVersion), got \(json["version"]?.compactString ?? "none")")
    }
    func field<T>(_ name: String, _ read: (JSON) -> T?) throws(FormatError) -> T {
      guard let value = json[name].flatMap(read) else { throw FormatError(message: "`\(name)` is missing or invalid") }
      return value
    }
    meta = Meta(
      label: label, command: try field("command", \.stringValue), date: try field("date", \.stringValue),
      version: try field("sendout_version", \.stringValue))
    target = try field("target", \.stringValue)
    mode = try field("mode", \.stringValue)
    seconds = try field("seconds", \.doubleValue)
    figures = try field("figures") { $0.arrayValue?.compactMap { $0.arrayValue?.compactMap(\.stringValue) } }
    fellBehind = try field("fell_behind", \.boolValue)
    intervalSeconds = try field("interval_seconds", \.doubleValue)
    intervals = try field("intervals") { list in
      list.arrayValue?.compactMap { i -> Interval? in
        guard let completed = i["completed"]?.intValue, let errors = i["errors"]?.intValue else { return nil }
        return Interval(
          completed: completed, errors: errors, p50: i["p50"]?.doubleValue, p90: i["p90"]?.doubleValue,
          p99: i["p99"]?.doubleValue)
      }
    }
    distribution = try field("distribution") { list in
      list.arrayValue?.compactMap { step -> Step? in
        guard let pair = step.arrayValue, pair.count == 2, let p = pair[0].doubleValue, let ms = pair[1].doubleValue
        else { return nil }
        return Step(percentile: p, milliseconds: ms)
      }
    }
    measured = try field("measured", \.intValue)
    failed = try field("failed", \.intValue)
    guard seconds.isFinite, seconds >= 0, intervalSeconds.isFinite, intervalSeconds > 0 else {
      throw FormatError(message: "`seconds` and `interval_seconds` must be non-negative numbers")
    }
  }

  private static func number(_ value: Double?) -> JSON { value.map(JSON.double) ?? .null }
}
