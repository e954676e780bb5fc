import Foundation
import SendoutCore
import Synchronization

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The default `WebhookTransport`: POSTs through one shared `URLSession`, the only file that imports
/// FoundationNetworking.
///
/// Designed around swift-corelibs-foundation 6.3.x bugs (see platform notes): the completion-handler
/// `dataTask` runs inside `withCheckedThrowingContinuation` + `withTaskCancellationHandler`, and
/// cancellation calls `task.cancel()` from another queue (never cancel a Task awaiting `data(for:)`:
/// it deadlocks every session). The timeout is `URLRequest.timeoutInterval`, never a racing sleep.
/// The timeout has whole-second resolution (corelibs truncates it). corelibs' timeout is an idle timeout
/// (it restarts whenever bytes arrive), so a response trickled forever would never end: a hard deadline
/// (`hardDeadlineSeconds`) cancels the data task from another queue and reports a timeout. Headers are set explicitly; redirects are not followed (a 3xx is a failure, like any non-2xx).
public final class URLSessionTransport: WebhookTransport, Sendable {
  /// One transport for the whole process: every URLSession shares one queue anyway, and each leaks a little.
  public static let shared = URLSessionTransport()

  private let session: URLSession
  private let baseHeaders: [HTTPHeader]

  /// Headers set on every request before the sendout's own, replacing what URLSession would pick:
  /// `user-agent` (URLSession's names the executable and curl), `accept`, and `accept-encoding: identity`
  /// (we never want compressed replies). corelibs also sends `accept-language: en` and
  /// `connection: keep-alive`, which cannot be removed (an empty value is sent as an empty header).
  public static func baseHeaders(userAgent: String) -> [HTTPHeader] {
    [HTTPHeader("user-agent", userAgent), HTTPHeader("accept", "*/*"), HTTPHeader("accept-encoding", "identity")]
  }

  /// A transport with its own ephemeral session (no cache, no cookies, at most `maxConnectionsPerHost`).
  public init(maxConnectionsPerHost: Int = 8, userAgent: String = "sendout/0.1") {
    baseHeaders = Self.baseHeaders(userAgent: userAgent)
    let configuration = URLSessionConfiguration.ephemeral
    configuration.urlCache = nil
    configuration.httpCookieStorage = nil
    configuration.httpShouldSetCookies = false
    configuration.httpMaximumConnectionsPerHost = maxConnectionsPerHost
    configuration.timeoutIntervalForRequest = Double(RetryPolicy.voucherifyTimeoutMilliseconds) / 1000
    session = URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
  }

  /// POSTs `request` and returns the response, whatever its status. A plain `http://` target at an IP literal or
  /// `localhost` (tried at 127.0.0.1, then ::1) goes through `SocketTransport` instead, as the serve delivery queue
  /// sends it: corelibs URLSession refuses `http://[IPv6]` URLs, and fails a 2xx whose gzip body is corrupt before it
  /// shows the status (so `fire` and `run` recorded FAILED what `serve` recorded SUCCESS). Named hosts and
  /// `https://` stay on URLSession.
  public func send(_ request: TransportRequest) async throws(TransportError) -> TransportResponse {
    if let (target, userinfo) = Self.socketTarget(request.url) {
      return try await SocketTransport.send(
        request, target: target, userinfo: userinfo, headers: baseHeaders + request.headers)
    }
    guard let url = URL(string: request.url), let scheme = url.scheme?.lowercased(),
      scheme == "http" || scheme == "https",
      url.host != nil
    else { throw .invalidURL(request.url) }
    var urlRequest = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalAndRemoteCacheData)
    // Set through the property: corelibs only honours a request timeout marked as explicitly set.
    urlRequest.timeoutInterval = Self.timeoutSeconds(request.timeoutMilliseconds)
    urlRequest.httpMethod = "POST"
    urlRequest.httpBody = Data(request.body)
    urlRequest.httpShouldHandleCookies = false
    for header in baseHeaders + request.headers { urlRequest.setValue(header.value, forHTTPHeaderField: header.name) }
    let handle = DataTaskHandle()
    do {
      return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<TransportResponse, any Error>) in
          let task = session.dataTask(with: urlRequest) { data, response, error in
            if let error {
              if let delivered = Self.undecodedSuccess(handle.response, error: error) {
                continuation.resume(returning: delivered)
              } else {
                continuation.resume(throwing: error)
              }
            } else if let http = response as? HTTPURLResponse {
              continuation.resume(
                returning: TransportResponse(
                  status: http.statusCode, headers: Self.headers(of: http), body: data.map(Array.init) ?? []))
            } else {
              continuation.resume(throwing: URLError(.badServerResponse))
            }
          }
          handle.set(task)
          task.resume()
          let deadline = Self.hardDeadlineSeconds(request.timeoutMilliseconds)
          DispatchQueue.global().asyncAfter(deadline: .now() + deadline) { handle.expire() }
        }
      } onCancel: {
        DispatchQueue.global().async { handle.cancel() }
      }
    } catch {
      if handle.expired { throw .timeout(milliseconds: Int64(Self.timeoutSeconds(request.timeoutMilliseconds) * 1000)) }
      throw Self.transportError(error, timeoutMilliseconds: request.timeoutMilliseconds)
    }
  }

  /// A 2xx whose body came with a `content-encoding` that curl failed to decode (a corrupt gzip body), when curl
  /// showed the head first: the receiver said "delivered", and Voucherify ignores response bodies, so it counts as
  /// a success with the note every transport gives. A timeout or cancellation stays a failure.
  static func undecodedSuccess(_ response: URLResponse?, error: any Error) -> TransportResponse? {
    guard let http = response as? HTTPURLResponse else { return nil }
    if let urlError = error as? URLError, [.timedOut, .cancelled].contains(urlError.code) { return nil }
    let headers = headers(of: http)
    let coding = headers.first(where: { $0.name == "content-encoding" })?.value
    guard let note = TransportResponse.undecodedBodyNote(status: http.statusCode, contentEncoding: coding) else {
      return nil
    }
    return TransportResponse(status: http.statusCode, headers: headers, note: note)
  }

  /// A plain `http://` URL whose host is an IP literal or `localhost` (no name to resolve), as a socket target and
  /// its userinfo, else `nil`.
  static func socketTarget(_ url: String) -> (LoadTarget, String?)? {
    guard url.lowercased().hasPrefix("http://") else { return nil }
    let rest = url.dropFirst("http://".count)
    let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    let at = authority.lastIndex(of: "@")
    let hostPort = at.map { authority[authority.index(after: $0)...] } ?? authority
    let path = rest.dropFirst(authority.count).prefix { $0 != "#" }
    guard case .success(let target) = LoadTarget.parse("http://" + hostPort + path, resolvingNames: false) else {
      return nil
    }
    return (target, at.map { String(authority[..<$0]) })
  }

  /// corelibs URLSession truncates `timeoutInterval` to whole seconds (and 0 means none), so sub-second
  /// timeouts are rounded up to the next whole second.
  static func timeoutSeconds(_ milliseconds: Int64) -> Double { Double(max(1, (milliseconds + 999) / 1000)) }

  /// When a request is cancelled whatever is arriving: the timeout plus a little slack, so URLSession's
  /// own (exact) timeout wins for a silent receiver and this one only ends trickled responses.
  static func hardDeadlineSeconds(_ milliseconds: Int64) -> Double { timeoutSeconds(milliseconds) + 0.25 }

  private static func headers(of response: HTTPURLResponse) -> [HTTPHeader] {
    response.allHeaderFields.compactMap { key, value in
      guard let name = key as? String else { return nil }
      return HTTPHeader(name.lowercased(), "\(value)")
    }.sorted { $0.name < $1.name }
  }

  /// What to say about an error that is not a `URLError` (`fire` and `load` alike): its domain and code only, as
  /// an `NSError`'s description carries the failing URL, password included.
  static func summary(of error: any Error) -> String {
    let nsError = error as NSError
    return "connection error \(nsError.domain) \(nsError.code)"
  }

  private static func transportError(_ error: any Error, timeoutMilliseconds: Int64) -> TransportError {
    guard let urlError = error as? URLError else { return .other(summary(of: error)) }
    switch urlError.code {
    case .timedOut: return .timeout(milliseconds: Int64(timeoutSeconds(timeoutMilliseconds) * 1000))
    case .cancelled: return .cancelled
    case .cannotConnectToHost: return .refused
    case .cannotFindHost, .dnsLookupFailed: return .hostNotFound
    case .networkConnectionLost: return .closedBeforeResponse
    case .badServerResponse: return .malformedResponse
    case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
      .serverCertificateNotYetValid,
      .serverCertificateHasUnknownRoot:
      return .tlsFailed
    case .notConnectedToInternet: return .noNetwork
    // The URL was checked before sending, so this is curl refusing a reply that is not HTTP at all.
    case .unsupportedURL: return .notHTTP
    case .badURL: return .unsupportedURL
    // curl's "empty reply" or a body cut short: the receiver closed before the response was complete.
    case .unknown: return .closedMidResponse
    default: return .other("connection error \(urlError.code.rawValue)")
    }
  }
}

/// Holds the data task so a cancellation handler on another queue can cancel it, even one that
/// arrives before the task exists.
private final class DataTaskHandle: Sendable {
  private struct State {
    var task: URLSessionDataTask?
    var cancelled = false
    var deadlinePassed = false
  }
  private let state = Mutex(State())

  /// Whether the hard deadline cancelled the task.
  var expired: Bool { state.withLock { $0.deadlinePassed } }

  /// The task's response head, once it arrived (also when the body then failed).
  var response: URLResponse? { state.withLock { $0.task?.response } }

  func set(_ task: URLSessionDataTask) {
    let cancelNow = state.withLock {
      $0.task = task
      return $0.cancelled
    }
    if cancelNow { DispatchQueue.global().async { task.cancel() } }
  }

  /// The hard deadline: cancels the task (a no-op when it already ended) and remembers why.
  func expire() {
    let task = state.withLock {
      $0.deadlinePassed = !$0.cancelled
      return $0.task
    }
    task?.cancel()
  }

  func cancel() {
    let task = state.withLock {
      $0.cancelled = true
      return $0.task
    }
    task?.cancel()
  }
}

/// Refuses redirects, so a 3xx is reported as such (Voucherify counts any non-2xx as a failure).
private final class NoRedirects: NSObject, URLSessionTaskDelegate, Sendable {
  func urlSession(
    _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
  ) {
    completionHandler(nil)
  }
}
