/// A Voucherify async action (`aa_…`): a bulk update or import accepted now and done later, on the world's clock.
/// It holds the work to do (`work`, the rows, as the API layer wrote them) until it is done, then its `result`.
public struct AsyncAction: Sendable, Equatable, Identifiable {
  /// `ENQUEUED` until it falls due, then `DONE`.
  public enum Status: String, Sendable {
    /// Accepted, waiting for its time.
    case enqueued = "ENQUEUED"
    /// Done: `result` says how each row went.
    case done = "DONE"
  }

  /// `aa_…`.
  public var id: String
  /// `CUSTOMERS.BULK_UPDATE`, `VOUCHERS.IMPORT_CSV`, …
  public var type: String
  /// Where it stands.
  public var status: Status = .enqueued
  /// When it was accepted.
  public var createdAt: Timestamp
  /// When it falls due, on the clock of the calls (`sendout serve`'s, which `POST /_sendout/clock` moves).
  public var dueAt: Timestamp
  /// When it was done, on the world's clock.
  public var doneAt: Timestamp?
  /// The request id of the call that made it.
  public var requestID: String?
  /// The work still to do (dropped once done).
  public var work: JSON
  /// What it did, once done.
  public var result: JSON?
  /// Whether the operation succeeded as a whole (bulk and metadata updates only): `nil` for the other types.
  public var operationStatus: String?

  /// `AsyncActionBase` (`withResult`: `AsyncAction`, as `GET /v1/async-actions/{id}` answers it, its `result` once
  /// done).
  public func json(withResult: Bool) -> JSONObject {
    let doneAt = status == .done ? doneAt : nil
    let done = doneAt != nil
    var o: JSONObject = ["id": .string(id), "type": .string(type), "status": .string(status.rawValue)]
    if let operationStatus { o["operation_status"] = .string(done ? operationStatus : "UNKNOWN") }
    if withResult, let result { o["result"] = result }  // none until done: the spec's `result` is never null
    o["created_at"] = .string(createdAt.iso8601)
    o["updated_at"] = doneAt.map { .string($0.iso8601) } ?? .null
    o["request_id"] = requestID.map(JSON.string) ?? .null
    o["progress"] = .int(done ? 100 : 0)
    o["processing_time"] = doneAt.map { .int(Int($0.milliseconds - createdAt.milliseconds)) } ?? .null
    o["object"] = "async_action"
    return o
  }
}
