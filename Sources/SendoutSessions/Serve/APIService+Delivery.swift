import SendoutAPI
import SendoutCore
import SendoutIO

extension APIService {
  /// `GET /_sendout/delivery`: the delivery queue's counters and paused sources. `POST /_sendout/delivery/pause`
  /// holds every attempt (calls still queue sendouts); `POST /_sendout/delivery/resume` releases them, and with
  /// `{"source": "wh_…"}` resumes that source after it was paused for exhausting a sendout's attempts. Each answers
  /// the queue's counters after it.
  func deliveryStatus() -> APIAnswer { APIAnswer(body: Self.json(delivery.snapshot)) }

  /// `POST /_sendout/delivery/pause`.
  func pauseDelivery() -> APIAnswer {
    delivery.hold()
    return deliveryStatus()
  }

  /// `POST /_sendout/delivery/resume`, for every attempt or for `{"source": ID}`.
  func resumeDelivery(_ call: APICall) throws(VoucherifyError) -> APIAnswer {
    if let source = try MockAPI.decodeBody(call.body)["source"] {
      guard let id = source.stringValue, delivery.resume(source: id) else {
        throw VoucherifyError(
          status: 404, key: "not_found", message: "Resource not found",
          details: "no paused source \(source.compactString); see GET /_sendout/delivery")
      }
    } else {
      delivery.release()
    }
    return deliveryStatus()
  }

  /// The queue's counters as `GET /_sendout/delivery` answers them.
  static func json(_ status: DeliveryQueue.Status) -> JSON {
    [
      "object": "delivery", "held": .bool(status.held), "accepted": .int(status.accepted),
      "queued": .int(status.queued),
      "waiting_retry": .int(status.waiting), "in_flight": .int(status.inFlight), "succeeded": .int(status.succeeded),
      "failed": .int(status.failed), "skipped": .int(status.skipped), "attempts": .int(status.attempts),
      "paused_sources": .array(status.pausedSources.map { .string($0) }),
    ]
  }
}
