import SendoutCore
import Synchronization

/// The Arrivals page's forwards in flight and done: `POST /_sendout/api/arrivals/SEQ/forward` starts one in a task
/// and answers its number at once (the listener's loop never waits on the network), and
/// `GET /_sendout/api/forwards/N` reads its result. The last `bound` are kept.
public final class ArrivalForwards: Sendable {
  /// How many forwards are kept.
  static let bound = 100

  private struct State {
    var next = 1
    var results: [Int: ArrivalForward.Result?] = [:]
  }
  private let state = Mutex(State())
  private let made = Mutex<(any WebhookTransport)?>(nil)
  private let makeTransport: @Sendable () -> any WebhookTransport

  /// Forwards sent with the transport `make` gives at the first forward (default: URLSession, sockets for loopback
  /// `http://`): a listener nobody forwards from makes none.
  public init(transport make: @escaping @Sendable () -> any WebhookTransport = { URLSessionTransport() }) {
    makeTransport = make
  }

  /// Starts sending `request`; returns its number.
  func start(_ request: TransportRequest) -> Int {
    let number = state.withLock { s in
      let n = s.next
      s.next += 1
      s.results[n] = .some(nil)
      s.results[n - Self.bound] = nil
      return n
    }
    let transport = made.withLock { made in
      if let made { return made }
      let new = makeTransport()
      made = new
      return new
    }
    Task {
      let result = await ArrivalForward.send(request, transport: transport)
      state.withLock { s in if s.results[number] != nil { s.results[number] = .some(result) } }
    }
    return number
  }

  /// Forward `number`: `nil` when unknown, `.some(nil)` while in flight.
  func result(_ number: Int) -> ArrivalForward.Result?? { state.withLock { $0.results[number] } }
}
