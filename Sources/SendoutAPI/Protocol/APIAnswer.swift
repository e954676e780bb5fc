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
  /// The body of a pure read, built from a value the endpoint took out of the world (a voucher is a value): the
  /// server builds and writes it after releasing the world's lock (`MockAPI.Outcome.deferredBody`). `body` is
  /// `.null` when this is set.
  package var deferredBody: (@Sendable () -> JSON)?

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

  /// A read's answer whose body `build` makes later, outside the world's lock.
  package init(deferred build: @escaping @Sendable () -> JSON) {
    body = .null
    deferredBody = build
  }

  /// The body, built now when it was deferred.
  package var builtBody: JSON { deferredBody?() ?? body }
}
