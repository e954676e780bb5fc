import Foundation
import SendoutCore

/// One POST over a plain socket with the shared HTTP codec, for the targets URLSession on Linux cannot
/// reach: `http://[IPv6]:PORT/` literals (swift-corelibs-foundation 6.3 fails them with "unsupported URL",
/// issue #5496, fixed upstream but in no 6.3 release). `URLSessionTransport` sends those through here.
///
/// Same outcomes as URLSession's: a refused or reset connection, a response cut short, a non-HTTP answer
/// and the timeout are reported with the same reasons; interim `1xx` answers are skipped; a response
/// delimited by the connection closing counts. Redirects are not followed. Runs on its own thread and
/// checks for cancellation every 50 ms.
enum SocketTransport {
  /// The largest response body read (bigger ones are a failure: `response body over 64 MiB`).
  static let maxBodyBytes = 64 << 20

  /// Sends `request` to `target` with `headers` (the body's `content-length` and `host` are added).
  static func send(_ request: TransportRequest, target: LoadTarget, userinfo: String?, headers: [HTTPHeader])
    async throws(TransportError) -> TransportResponse
  {
    var all = headers
    if let userinfo, let decoded = userinfo.removingPercentEncoding {
      all.append(HTTPHeader("authorization", "Basic " + Data(decoded.utf8).base64EncodedString()))
    }
    let bytes = HTTPSerializer.request(
      method: "POST", target: target.path, host: target.hostHeader, headers: all, body: request.body)
    let flag = CancelFlag()
    let result: Result<TransportResponse, TransportError> = await withTaskCancellationHandler {
      await withCheckedContinuation { continuation in
        let thread = Thread {
          continuation.resume(
            returning: exchange(bytes, target: target, timeoutMilliseconds: request.timeoutMilliseconds, flag: flag))
        }
        thread.stackSize = 1 << 20
        thread.start()
      }
    } onCancel: {
      flag.cancel()
    }
    return try result.get()
  }

  private static func exchange(_ bytes: [UInt8], target: LoadTarget, timeoutMilliseconds: Int64, flag: CancelFlag)
    -> Result<TransportResponse, TransportError>
  {
    let deadline = Platform.monotonicMilliseconds() + timeoutMilliseconds
    let fd: Int32
    switch Platform.connect(host: target.host, port: target.port) {
    case .success(let opened): fd = opened
    case .failure(let error): return .failure(TransportError(reason: error.reason.lowercased()))
    }
    defer { Platform.close(fd) }
    // Wait until a step can go on: `false` on the deadline or cancellation (the error is in `stop`).
    var stop: TransportError?
    func wait(write: Bool) -> Bool {
      while true {
        if flag.isCancelled {
          stop = .cancelled
          return false
        }
        let now = Platform.monotonicMilliseconds()
        if now >= deadline {
          stop = .timeout(milliseconds: timeoutMilliseconds)
          return false
        }
        var entries = [Platform.PollEntry(fd: fd, wantRead: !write, wantWrite: write)]
        Platform.poll(&entries, timeoutMilliseconds: Int32(min(50, deadline - now)))
        if entries[0].readable || entries[0].writable { return true }
      }
    }
    guard wait(write: true) else { return .failure(stop ?? .cancelled) }
    if let error = Platform.connectError(fd) { return .failure(TransportError(reason: error.lowercased())) }
    var offset = 0
    while offset < bytes.count {
      let n = Platform.write(fd, bytes, from: offset)
      if n < 0 { return .failure(.closedBeforeResponse) }
      offset += n
      if offset < bytes.count, !wait(write: true) { return .failure(stop ?? .cancelled) }
    }
    var parser = HTTPParser(kind: .response, limits: HTTPLimits(maxBodyBytes: maxBodyBytes))
    var buffer = [UInt8](repeating: 0, count: 65_536)
    var received = 0
    while true {
      guard wait(write: false) else { return .failure(stop ?? .cancelled) }
      let (count, error) = Platform.readDetailed(fd, into: &buffer)
      if count < 0 { continue }
      do throws(HTTPParseError) {
        if error != nil {
          if count == 0, error == "connection closed", let message = try parser.finish() {
            return .success(response(message))
          }
          return .failure(received == 0 ? .closedBeforeResponse : .closedMidResponse)
        }
        received += count
        parser.feed(buffer[0..<count])
        while let message = try parser.next() {
          if let status = message.head.status, (100...199).contains(status), status != 101 { continue }
          return .success(response(message))
        }
      } catch .incomplete {
        return .failure(.closedMidResponse)
      } catch .bodyTooLarge {
        return .failure(.other("response body over 64 MiB"))
      } catch {
        return .failure(.malformedResponse)
      }
    }
  }

  private static func response(_ message: HTTPMessage) -> TransportResponse {
    TransportResponse(
      status: message.head.status ?? 0,
      headers: message.head.headers.map { HTTPHeader($0.name.lowercased(), $0.value) }.sorted { $0.name < $1.name },
      body: message.body)
  }

  /// Set from the cancellation handler, read by the request's thread.
  private final class CancelFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false
    var isCancelled: Bool { lock.withLock { cancelled } }
    func cancel() { lock.withLock { cancelled = true } }
  }
}
