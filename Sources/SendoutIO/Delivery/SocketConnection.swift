import SendoutCore

/// One HTTP/1.1 client connection to a plain-`http` target, kept alive between exchanges: blocking, with a deadline
/// per exchange and a cancellation check every 50 ms, used by one thread at a time. Senders take them from, and give
/// them back to, `SocketConnectionPool`, so one is reused across sendouts as a webhook sender would.
///
/// Same outcomes as URLSession's: a refused or reset connection, a response cut short, a non-HTTP answer and the
/// timeout are reported with the same reasons; interim `1xx` answers are skipped; a response delimited by the
/// connection closing counts. A reused connection that the server closed while idle (it sent nothing back) is
/// reopened once: the request never reached the application.
/// @unchecked: a socket handle used by one thread at a time; the pool's Mutex hands it from thread to thread.
final class SocketConnection: @unchecked Sendable {
  /// Where it connects.
  let target: LoadTarget
  /// The largest response body read (bigger ones are a failure: `response body over 64 MiB`).
  static let maxBodyBytes = 64 << 20

  private var fd: Int32 = -1
  private var buffer = [UInt8](repeating: 0, count: 65_536)

  /// A connection to `target`, opened on the first exchange.
  init(target: LoadTarget) { self.target = target }

  deinit { Platform.close(fd) }

  /// Sends `bytes` (a whole request) and reads one response, within `timeoutMilliseconds`.
  func exchange(_ bytes: [UInt8], timeoutMilliseconds: Int64, isCancelled: () -> Bool)
    -> Result<TransportResponse, TransportError>
  {
    let deadline = Platform.monotonicMilliseconds() + timeoutMilliseconds
    let reused = fd >= 0
    let result = attempt(bytes, deadline: deadline, timeoutMilliseconds: timeoutMilliseconds, isCancelled: isCancelled)
    if reused, case .failure(.closedBeforeResponse) = result {
      close()
      return attempt(bytes, deadline: deadline, timeoutMilliseconds: timeoutMilliseconds, isCancelled: isCancelled)
    }
    return result
  }

  /// Whether the socket is open (kept alive after the last exchange).
  var isOpen: Bool { fd >= 0 }

  /// Closes the socket; the next exchange opens a new one.
  func close() {
    Platform.close(fd)
    fd = -1
  }

  private func attempt(_ bytes: [UInt8], deadline: Int64, timeoutMilliseconds: Int64, isCancelled: () -> Bool)
    -> Result<TransportResponse, TransportError>
  {
    var stop: TransportError?
    // Waits until a step can go on: `false` on the deadline or cancellation (the error is in `stop`).
    func wait(write: Bool) -> Bool {
      while true {
        if isCancelled() {
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
    if fd < 0 {
      // Each address in turn while they refuse (`localhost`: 127.0.0.1, then ::1).
      let hosts = target.addresses
      for (n, host) in hosts.enumerated() where fd < 0 {
        switch Platform.connect(host: host, port: target.port) {
        case .success(let opened): fd = opened
        case .failure(let error): return .failure(TransportError(reason: error.reason.lowercased()))
        }
        guard wait(write: true) else { return failed(stop ?? .cancelled) }
        if let error = Platform.connectError(fd) {
          let refusal = failed(TransportError(reason: error.lowercased()))
          if n == hosts.count - 1 || error != "connection refused" { return refusal }
        }
      }
    }
    var offset = 0
    while offset < bytes.count {
      let n = Platform.write(fd, bytes, from: offset)
      if n < 0 { return failed(.closedBeforeResponse) }
      offset += n
      if offset < bytes.count, !wait(write: true) { return failed(stop ?? .cancelled) }
    }
    var parser = HTTPParser(kind: .response, limits: HTTPLimits(maxBodyBytes: Self.maxBodyBytes))
    var received = 0
    var start: [UInt8] = []  // the first bytes: an answer that does not start `HTTP/` is not HTTP at all
    while true {
      guard wait(write: false) else { return failed(stop ?? .cancelled) }
      let (count, error) = Platform.readDetailed(fd, into: &buffer)
      if count < 0 { continue }
      do throws(HTTPParseError) {
        if error != nil {
          if count == 0, error == "connection closed", let message = try parser.finish() {
            close()
            return .success(Self.response(message))
          }
          return failed(received == 0 ? .closedBeforeResponse : .closedMidResponse)
        }
        received += count
        if start.count < 5 { start += buffer[0..<min(count, 5 - start.count)] }
        parser.feed(buffer[0..<count])
        while let message = try parser.next() {
          if let status = message.head.status, (100...199).contains(status), status != 101 { continue }
          if !message.head.keepAlive { close() }
          return .success(Self.response(message))
        }
      } catch .incomplete {
        return failed(.closedMidResponse)
      } catch .bodyTooLarge {
        return failed(.other("response body over 64 MiB"))
      } catch {
        return failed(start.starts(with: Array("HTTP/".utf8).prefix(start.count)) ? .malformedResponse : .notHTTP)
      }
    }
  }

  /// Closes the connection (its state is unknown after a failure) and reports `error`.
  private func failed(_ error: TransportError) -> Result<TransportResponse, TransportError> {
    close()
    return .failure(error)
  }

  /// The response as read, its body never decoded: a 2xx with a `content-encoding` counts, with a note.
  private static func response(_ message: HTTPMessage) -> TransportResponse {
    let status = message.head.status ?? 0
    return TransportResponse(
      status: status,
      headers: message.head.headers.map { HTTPHeader($0.name.lowercased(), $0.value) }.sorted { $0.name < $1.name },
      body: message.body,
      note: TransportResponse.undecodedBodyNote(status: status, contentEncoding: message.head.value("content-encoding"))
    )
  }
}
