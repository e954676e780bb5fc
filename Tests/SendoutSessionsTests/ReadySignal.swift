import Foundation

/// The URL a starting server reports once, awaited without polling (nil when it ended without one).
final class ReadySignal: @unchecked Sendable {
  private let lock = NSLock()
  private var result: String??
  private var waiter: CheckedContinuation<String?, Never>?

  func resolve(_ url: String?) {
    let resume: CheckedContinuation<String?, Never>? = lock.withLock {
      guard result == nil else { return nil }
      result = .some(url)
      defer { waiter = nil }
      return waiter
    }
    resume?.resume(returning: url)
  }

  func value() async -> String? {
    await withCheckedContinuation { continuation in
      let known: String?? = lock.withLock {
        if result == nil { waiter = continuation }
        return result
      }
      if let known { continuation.resume(returning: known) }
    }
  }
}
