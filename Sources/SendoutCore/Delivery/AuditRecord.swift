/// One line of the audit log: one attempt of one sendout (or one skipped sendout), with everything
/// needed to show it like Voucherify's Webhook sendouts tab and to resend it byte for byte.
///
/// Never holds secrets: header values that look like credentials are redacted (`CustomHeader.isSensitive`).
public struct AuditRecord: Sendable, Equatable {
  /// The highest attempt number an audit log may hold (Voucherify makes 13 attempts; manual retries add a
  /// few): larger values in a hand-edited or hostile log are refused rather than overflowing a counter.
  public static let maxAttempt = 1_000_000

  /// The sendout id (`whs_…`), the same for every attempt.
  public var sendoutID: String
  /// The outcome of this attempt.
  public var status: AuditStatus
  /// The 1-based attempt number (0 for a sendout recorded before any attempt: skipped or cancelled).
  public var attempt: Int
  /// The envelope `type` (the event name for distributions).
  public var type: String
  /// The underlying event type (`event.type`).
  public var eventType: String
  /// The source id (`wh_…` or `distr_…`).
  public var sourceID: String
  /// The source kind.
  public var sourceObject: SendoutSource.Kind
  /// Where the sendout was POSTed.
  public var targetURL: String
  /// The request id (`v-…`).
  public var requestID: String
  /// The event id (`event.id`).
  public var eventID: String
  /// When the event happened.
  public var eventCreatedAt: Timestamp
  /// When the sendout was created (envelope `created_at`).
  public var createdAt: Timestamp
  /// When this attempt started (or when the sendout was skipped).
  public var executedAt: Timestamp
  /// How the attempt ended (a response, no response and why, a cancellation, a skip).
  public var outcome: DeliveryOutcome
  /// How long the attempt took, in milliseconds.
  public var latencyMilliseconds: Int64
  /// When the next attempt is due (RETRYING only).
  public var nextAttemptAt: Timestamp?
  /// The headers sent, sensitive values redacted.
  public var headers: [HTTPHeader]
  /// The exact body sent, as a string (bodies are UTF-8 JSON).
  public var body: String
  /// Whether this attempt re-delivered a sendout that had already succeeded (`run --duplicates`): at-least-once
  /// delivery as the receiver sees it. Such a record never changes the sendout's status or pauses its source.
  public var duplicate = false
  /// The sendout's 1-based position in the scenario's plan, recorded when `run --reorder` changed the order
  /// (the log's line order is the delivery order).
  public var plannedPosition: Int?
  /// What the receiver answered (headers and the first 4 KiB of the body), when there was a response; `nil` in
  /// records written before Sendout kept it.
  public var answer: ReceiverAnswer?

  /// A record for `sendout`; its headers are redacted here, so a record can never carry a secret. `response`, when
  /// there was one, is kept as the record's `answer`, with the request's secrets redacted from it too.
  public init(
    sendout: Sendout, status: AuditStatus, attempt: Int, executedAt: Timestamp, outcome: DeliveryOutcome,
    latencyMilliseconds: Int64 = 0, nextAttemptAt: Timestamp? = nil, duplicate: Bool = false,
    plannedPosition: Int? = nil, response: TransportResponse? = nil
  ) {
    self.init(
      sendoutID: sendout.id, status: status, attempt: attempt, type: sendout.type, eventType: sendout.eventType,
      sourceID: sendout.source.id, sourceObject: sendout.source.object,
      targetURL: TargetURL.withoutPassword(sendout.source.targetURL),
      requestID: sendout.requestID, eventID: sendout.eventID, eventCreatedAt: sendout.eventCreatedAt,
      createdAt: sendout.createdAt, executedAt: executedAt, outcome: outcome,
      latencyMilliseconds: latencyMilliseconds, nextAttemptAt: nextAttemptAt,
      headers: sendout.headers, body: String(decoding: sendout.body, as: UTF8.self))
    self.duplicate = duplicate
    self.plannedPosition = plannedPosition
    answer = response.map {
      ReceiverAnswer($0, secrets: sendout.headers.filter { CustomHeader.isSensitive(name: $0.name) }.map(\.value))
    }
  }

  /// A record from its fields; `headers` are redacted.
  public init(
    sendoutID: String, status: AuditStatus, attempt: Int, type: String, eventType: String, sourceID: String,
    sourceObject: SendoutSource.Kind, targetURL: String, requestID: String, eventID: String, eventCreatedAt: Timestamp,
    createdAt: Timestamp, executedAt: Timestamp, outcome: DeliveryOutcome, latencyMilliseconds: Int64,
    nextAttemptAt: Timestamp?, headers: [HTTPHeader], body: String
  ) {
    self.sendoutID = sendoutID
    self.status = status
    self.attempt = attempt
    self.type = type
    self.eventType = eventType
    self.sourceID = sourceID
    self.sourceObject = sourceObject
    self.targetURL = targetURL
    self.requestID = requestID
    self.eventID = eventID
    self.eventCreatedAt = eventCreatedAt
    self.createdAt = createdAt
    self.executedAt = executedAt
    self.outcome = outcome
    self.latencyMilliseconds = latencyMilliseconds
    self.nextAttemptAt = nextAttemptAt
    self.headers = CustomHeader.redacted(headers)
    self.body = body
  }

  /// The response status, `nil` when there was no response.
  public var httpStatus: Int? { outcome.httpStatus }

  /// A short reason when the attempt failed or was skipped, else `nil` (the audit log's `error`).
  public var error: String? { outcome.error }

  /// The sendout to resend: same id, body bytes and headers (redacted ones dropped, to be re-supplied).
  public var sendout: Sendout {
    Sendout(
      id: sendoutID, eventType: eventType, type: type,
      source: SendoutSource(id: sourceID, object: sourceObject, targetURL: targetURL), eventID: eventID,
      eventCreatedAt: eventCreatedAt, requestID: requestID, createdAt: createdAt, body: Array(body.utf8),
      headers: headers.filter { $0.value != CustomHeader.redactedValue || !CustomHeader.isSensitive(name: $0.name) })
  }

  /// Names of headers whose values were redacted (to be re-supplied on retry).
  public var redactedHeaderNames: [String] {
    headers.filter { $0.value == CustomHeader.redactedValue && CustomHeader.isSensitive(name: $0.name) }.map(\.name)
  }
}
