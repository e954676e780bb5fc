/// Why a listening socket (the listener's) could not be opened: bad host or port, or a failed socket call.
public enum ListenerError: Error, Sendable, Equatable {
  /// The host is not an IPv4 address.
  case invalidHost(String)
  /// The port is outside 0…65535.
  case invalidPort(Int)
  /// A socket call failed; `call` names it, `reason` is the system's message.
  case socket(call: String, reason: String)
  /// Another socket already listens on the address.
  case addressInUse(host: String, port: Int)
  /// `start` was called twice.
  case alreadyStarted

  /// One line for the user.
  public var message: String {
    switch self {
    case .invalidHost(let host):
      "Invalid host '\(host)': expected an IPv4 or IPv6 address such as 127.0.0.1, 0.0.0.0 or ::1"
    case .invalidPort(let port): "Invalid port \(port): expected 0 (any free port) to 65535"
    case .socket(let call, let reason): "Cannot listen: \(call) failed: \(reason)"
    case .addressInUse(let host, let port):
      "Cannot listen on \(host.contains(":") ? "[\(host)]" : host):\(port): the address is in use (another server has that port); stop it, or give "
        + "another --port (--port 0 picks a free one)"
    case .alreadyStarted: "The listener is already running"
    }
  }
}
