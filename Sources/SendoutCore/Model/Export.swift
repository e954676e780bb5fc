/// An export of one kind of object to CSV (`exp_…`): scheduled by a call, done on the simulated clock
/// `processingMilliseconds` later, when it keeps the file it made from the world as it was then. Voucherify sends no
/// webhook for exports.
public struct Export: Sendable, Equatable, Identifiable {
  /// `SCHEDULED` until processed, then `DONE`.
  public enum Status: String, Sendable {
    case scheduled = "SCHEDULED"
    case done = "DONE"
  }

  /// How long after it is scheduled an export is done (simulated time).
  public static let processingMilliseconds: Int64 = 1_000

  /// `exp_…`.
  public var id: String
  /// `exported_object`.
  public var exportedObject: String
  /// `parameters` as answered: `order`, `fields` and `filters` (with the path's scope).
  public var parameters: JSONObject
  /// The download token its `result.url` carries.
  public var token: String
  /// When it was scheduled.
  public var createdAt: Timestamp
  /// When it is done.
  public var dueAt: Timestamp
  /// Its status.
  public var status = Status.scheduled
  /// The CSV, once done.
  public var csv: String?
  /// What the file holds.
  var query: ExportQuery

  /// The path `sendout serve` serves the file at, with its token.
  public var downloadPath: String { "/_sendout/exports/\(id)?token=\(token)" }

  /// `Export`; `result.url` is `origin` (the server's own URL) plus `downloadPath` once done, `null` before.
  public func json(origin: String) -> JSONObject {
    [
      "id": .string(id), "object": "export", "created_at": .time(createdAt), "status": .string(status.rawValue),
      "channel": "API", "exported_object": .string(exportedObject), "parameters": .object(parameters),
      "result": status == .done ? ["url": .string(origin + downloadPath)] : .null, "user_id": .null,
    ]
  }
}

extension IDFormat {
  /// An export id: `exp_` + 24 base62 characters.
  public static let export = IDFormat("exp_", .base62(24))
  /// An export's download token: 32 base62 characters.
  public static let exportToken = IDFormat("", .base62(32))
}
