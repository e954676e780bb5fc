import Foundation
import SendoutCore
import Synchronization

/// One POST over a plain socket with the shared HTTP codec, for every plain-`http` target at an IP literal or
/// `localhost` (`URLSessionTransport` sends those through here, as the serve delivery queue does): URLSession on
/// Linux cannot reach `http://[IPv6]:PORT/` literals (swift-corelibs-foundation 6.3, issue #5496), and hides the
/// status of a 2xx whose gzip body is corrupt.
///
/// Same outcomes as URLSession's: a refused or reset connection, a response cut short, a non-HTTP answer
/// and the timeout are reported with the same reasons; interim `1xx` answers are skipped; a response
/// delimited by the connection closing counts. Redirects are not followed. Runs on its own thread and
/// checks for cancellation every 50 ms.
enum SocketTransport {
  /// Sends `request` to `target` with `headers` (the body's `content-length` and `host` are added).
  static func send(_ request: TransportRequest, target: LoadTarget, userinfo: String?, headers: [HTTPHeader])
    async throws(TransportError) -> TransportResponse
  {
    let flag = CancelFlag()
    let result: Result<TransportResponse, TransportError> = await withTaskCancellationHandler {
      await withCheckedContinuation { continuation in
        let thread = Thread {
          continuation.resume(
            returning: exchange(request, target: target, userinfo: userinfo, headers: headers) { flag.isCancelled })
        }
        thread.stackSize = 1 << 20
        thread.start()
      }
    } onCancel: {
      flag.cancel()
    }
    return try result.get()
  }

  /// Sends `request` on a pooled keep-alive connection to `target`, blocking the calling thread (the serve delivery
  /// queue's workers call it directly); `isCancelled` is checked every 50 ms.
  static func exchange(
    _ request: TransportRequest, target: LoadTarget, userinfo: String?, headers: [HTTPHeader],
    isCancelled: () -> Bool
  ) -> Result<TransportResponse, TransportError> {
    let bytes = requestBytes(request, target: target, userinfo: userinfo, headers: headers)
    let connection = SocketConnectionPool.shared.take(target)
    defer { SocketConnectionPool.shared.put(connection) }
    return connection.exchange(bytes, timeoutMilliseconds: request.timeoutMilliseconds, isCancelled: isCancelled)
  }

  /// The POST of `request` to `target` with `headers` (the body's `content-length`, `host`, and `authorization`
  /// from the URL's userinfo are added).
  static func requestBytes(_ request: TransportRequest, target: LoadTarget, userinfo: String?, headers: [HTTPHeader])
    -> [UInt8]
  {
    var all = headers
    if let userinfo, let decoded = userinfo.removingPercentEncoding {
      all.append(HTTPHeader("authorization", "Basic " + Data(decoded.utf8).base64EncodedString()))
    }
    return HTTPSerializer.request(
      method: "POST", target: target.path, host: target.hostHeader, headers: all, body: request.body)
  }

  /// Set from the cancellation handler, read by the request's thread.
  private final class CancelFlag: Sendable {
    private let cancelled = Atomic(false)
    var isCancelled: Bool { cancelled.load(ordering: .acquiring) }
    func cancel() { cancelled.store(true, ordering: .releasing) }
  }
}
