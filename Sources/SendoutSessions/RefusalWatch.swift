import SendoutCore
import Synchronization

/// Passes dispatcher events on, adding a `refused` notice after the first 401 or 403 of a session (once).
final class RefusalWatch: Sendable {
  private let noticed = Atomic(false)
  private let signing: SigningSecret?

  /// Watches a session signing with `signing` (`nil`: unsigned).
  init(signing: SigningSecret?) { self.signing = signing }

  /// An observer for the dispatcher that reports each event to `observer` as `.delivery`.
  func observing(_ observer: @escaping SessionObserver) -> @Sendable (DeliveryEvent) -> Void {
    { [self] event in
      observer(.delivery(event))
      guard case .recorded(let record) = event, let status = record.httpStatus, status == 401 || status == 403,
        !noticed.exchange(true, ordering: .relaxed)
      else { return }
      observer(.notice(.refused(status: status, signing: signing)))
    }
  }
}
