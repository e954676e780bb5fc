/// Sends one HTTP request and returns the response: the only thing the dispatcher needs from the network.
///
/// Implementations: `URLSessionTransport` (SendoutIO, the default), scripted and recording doubles in
/// SendoutTestSupport. A non-2xx status is a *response*, not an error; errors are for requests that got
/// no response at all (timeout, refused connection, cancellation).
public protocol WebhookTransport: Sendable {
  /// Sends `request`; returns the response or throws why none arrived.
  func send(_ request: TransportRequest) async throws(TransportError) -> TransportResponse
}
