import Foundation
import SendoutCore

/// A `WebhookTransport` that answers from a script (one result per call, the last one repeating) and
/// records every request it was given.
public final class ScriptedTransport: WebhookTransport, @unchecked Sendable {
  private let lock = NSLock()
  private var script: [Result<TransportResponse, TransportError>]
  private var sent: [TransportRequest] = []

  /// A transport answering `script` in order; an empty script answers 200.
  public init(_ script: [Result<TransportResponse, TransportError>] = []) { self.script = script }

  /// Answers the next scripted result.
  public func send(_ request: TransportRequest) async throws(TransportError) -> TransportResponse {
    let result: Result<TransportResponse, TransportError> = lock.withLock {
      sent.append(request)
      guard !script.isEmpty else { return .success(TransportResponse(status: 200)) }
      return script.count == 1 ? script[0] : script.removeFirst()
    }
    return try result.get()
  }

  /// Every request sent so far.
  public var requests: [TransportRequest] { lock.withLock { sent } }
}
