import SendoutCore

/// What an endpoint answers: the response body (and status, when not the operation's usual one), and the events the
/// call emitted, which become webhooks.
package struct APIAnswer: Sendable {
  /// The body.
  package var body: JSON
  /// The status; `nil` for the operation's success status.
  package var status: Int?
  /// An error to answer instead of `body` although the call changed the world (a failed redemption is stored and
  /// emits `redemption.failed`, and the client gets a 400).
  package var error: VoucherifyError?
  /// Events emitted by the call, in order.
  package var events: [WorldEvent] = []
  /// A body that is no JSON (an export's CSV): its content type and bytes, answered instead of `body`.
  package var file: (contentType: String, bytes: [UInt8])?

  package init(
    body: JSON, status: Int? = nil, events: [WorldEvent] = [], error: VoucherifyError? = nil,
    file: (contentType: String, bytes: [UInt8])? = nil
  ) {
    self.body = body
    self.status = status
    self.events = events
    self.error = error
    self.file = file
  }
}
