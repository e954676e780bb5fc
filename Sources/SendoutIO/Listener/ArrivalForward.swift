import SendoutCore

/// Forwards one arrival to another URL, as received: the exact body bytes and headers (the framing ones,
/// `CustomHeader.framingNames`, are the transport's), and keeps the answer as an audit record keeps a receiver's
/// (headers and the first 4 KiB of the body, secrets redacted). The Arrivals page's "Forward to URL" uses it; it is
/// one function so `listen --forward-to URL` can share it.
public enum ArrivalForward {
  /// How a forward ended: the answer, or why none came.
  public struct Result: Sendable, Equatable {
    /// Where it went (password removed).
    public var url: String
    /// The answer's status, or `nil` when none came.
    public var status: Int?
    /// The answer (headers, first 4 KiB of the body), or `nil`.
    public var answer: ReceiverAnswer?
    /// Why no answer came (connection refused, timeout…), or `nil`.
    public var error: String?
    /// From sending to the whole answer, in ms.
    public var latencyMilliseconds: Int

    /// The result as the Arrivals page reads it.
    public var json: JSON {
      [
        "url": .string(url), "status": status.map { .int($0) } ?? .null, "response": answer?.json ?? .null,
        "error": error.map(JSON.string) ?? .null, "latency_ms": .int(latencyMilliseconds),
      ]
    }
  }

  /// The request that forwards `webhook` to `url`: its body and headers as received, minus the framing headers;
  /// throws when `url` is not an `http://` or `https://` URL.
  public static func request(_ webhook: ReceivedWebhook, to url: String, timeoutMilliseconds: Int64 = 10_000)
    throws(DeliveryError) -> TransportRequest
  {
    try TransportRequest.validate(url: url)
    let headers = webhook.headers.filter { !CustomHeader.framingNames.contains($0.name.lowercased()) }
    return TransportRequest(url: url, headers: headers, body: webhook.body, timeoutMilliseconds: timeoutMilliseconds)
  }

  /// Sends `request` with `transport` and keeps the answer, its sensitive header values redacted wherever they show.
  public static func send(_ request: TransportRequest, transport: any WebhookTransport) async -> Result {
    let started = Platform.monotonicNanoseconds()
    let url = TargetURL.withoutPassword(request.url)
    let elapsed = { Int((Platform.monotonicNanoseconds() - started) / 1_000_000) }
    do {
      let response = try await transport.send(request)
      let secrets = request.headers.filter { CustomHeader.isSensitive(name: $0.name) }.map(\.value)
      return Result(
        url: url, status: response.status, answer: ReceiverAnswer(response, secrets: secrets), error: nil,
        latencyMilliseconds: elapsed())
    } catch {
      return Result(url: url, status: nil, answer: nil, error: error.reason, latencyMilliseconds: elapsed())
    }
  }
}
