import Foundation
import SendoutCore

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The lean URLSession client of load mode: one ephemeral session without a delegate, awaiting
/// `data(for:)`. A session delegate costs ~25 % of URLSession's throughput on Linux (every callback hops
/// through its serial queue), so unlike `URLSessionTransport` this one has none — which means redirects
/// are followed and counted by their final status. Safe only because load tasks are never cancelled
/// (cancelling a task awaiting `data(for:)` can hang URLSession on 6.3.x; platform-notes.md): a stop
/// request lets in-flight requests finish.
final class URLSessionLoadClient: Sendable {
  private let session: URLSession
  private let url: URL?
  private let timeoutSeconds: Double

  /// A client for `url` with up to `connections` connections and a per-request timeout.
  init(url: String, connections: Int, timeoutMilliseconds: Int64) {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.urlCache = nil
    configuration.httpCookieStorage = nil
    configuration.httpShouldSetCookies = false
    configuration.httpMaximumConnectionsPerHost = connections
    session = URLSession(configuration: configuration)
    self.url = URL(string: url)
    timeoutSeconds = URLSessionTransport.timeoutSeconds(timeoutMilliseconds)
  }

  /// POSTs `body` with `headers`; the status, or an error kind for counting.
  func send(headers: [HTTPHeader], body: [UInt8]) async -> Result<Int, LoadFailure> {
    guard let url else { return .failure(.other("invalid URL")) }
    var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalAndRemoteCacheData)
    request.timeoutInterval = timeoutSeconds
    request.httpMethod = "POST"
    request.httpBody = Data(body)
    for header in URLSessionTransport.baseHeaders(userAgent: "sendout/0.1") + headers {
      request.setValue(header.value, forHTTPHeaderField: header.name)
    }
    do {
      let (_, response) = try await session.data(for: request)
      guard let http = response as? HTTPURLResponse else {
        return .failure(.malformedResponse)
      }
      return .success(http.statusCode)
    } catch let error as URLError {
      switch error.code {
      case .timedOut: return .failure(.timeout)
      case .cannotConnectToHost: return .failure(.refused)
      case .networkConnectionLost: return .failure(.closedBeforeResponse)
      default: return .failure(.other("URLError \(error.code.rawValue)"))
      }
    } catch {
      return .failure(.other(URLSessionTransport.summary(of: error)))
    }
  }
}
