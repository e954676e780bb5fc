import SendoutCore

/// One generator thread's audit log for `sendout load --audit FILE`: one compact JSON line per request
/// with an outcome (`sendout_id`, `status` SUCCESS/FAILED, `http_status`, `latency_ms`, `error`,
/// `intended_ms` and `sent_ms` from the start of the run, and `body` only when asked), buffered and
/// appended to the file at least every 100 ms and at the end, so memory stays flat however long the run.
/// Each thread appends whole lines with `O_APPEND`, so lines from different threads never interleave.
final class LoadAuditWriter {
  private let fd: Int32
  private let includeBodies: Bool
  private var buffer: [UInt8] = []
  private var lastFlush: Int64 = 0
  /// The first write error, if any (later records are dropped).
  private(set) var failure: String?

  /// Opens the regular file `path` for appending (created if missing); the reason when it cannot.
  static func open(_ path: String, includeBodies: Bool) -> Result<LoadAuditWriter, RegularFileError> {
    Platform.openRegularForAppend(path).map { LoadAuditWriter(fd: $0, includeBodies: includeBodies) }
  }

  private init(fd: Int32, includeBodies: Bool) {
    self.fd = fd
    self.includeBodies = includeBodies
    buffer.reserveCapacity(1 << 17)
  }

  deinit { Platform.close(fd) }

  /// Records the outcome of the request on `connection` at `t` (ns since the start): a `status`, or an `error`.
  func record(_ connection: ClientConnection, status: Int?, error: String?, at t: Int64) {
    let line = LoadAuditLine(
      sendoutID: connection.request.sendoutID, succeeded: status.map { (200..<300).contains($0) } ?? false,
      httpStatus: status,
      latencyMilliseconds: Self.milliseconds(t - connection.measuredFrom), error: error,
      intendedMilliseconds: Self.milliseconds(connection.measuredFrom),
      sentMilliseconds: Self.milliseconds(connection.sentAt),
      body: includeBodies ? String(decoding: connection.request.body, as: UTF8.self) : nil)
    buffer.append(contentsOf: line.json.compactBytes)
    buffer.append(0x0A)
    if buffer.count >= 1 << 16 { flush(at: t) }
  }

  /// Appends what is buffered when 100 ms have passed since the last append.
  func flushIfDue(at t: Int64) { if t - lastFlush >= 100_000_000 { flush(at: t) } }

  /// Appends everything buffered.
  func flush(at t: Int64) {
    lastFlush = t
    guard !buffer.isEmpty else { return }
    if failure == nil, case .failure(let error) = Platform.writeAll(fd, buffer) { failure = error.reason }
    buffer.removeAll(keepingCapacity: true)
  }

  /// `ns` as milliseconds with microsecond precision.
  private static func milliseconds(_ ns: Int64) -> Double { Double(ns / 1000) / 1000 }
}
