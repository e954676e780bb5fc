import SendoutCore
import Testing

@testable import SendoutIO

/// A server on several threads binds its port with SO_REUSEPORT, which would let a second process (or server) of the
/// same user bind the same port and take part of its connections: the first socket proves the port free first.
@Suite struct ReusePortTests {
  final class Nothing: HTTPHandler, Sendable {
    func reply(to request: HTTPMessage) -> HTTPReply { HTTPReply(status: 204) }
  }

  @Test(arguments: [1, 2], [1, 2])
  func aSecondServerOnAPortInUseIsRefusedWhateverTheThreads(first: Int, second: Int) throws {
    let handler = Nothing()
    let holder = HTTPServer(configuration: HTTPServerConfiguration(port: 0, threads: first), handler: handler)
    let port = try holder.start()
    defer { holder.stop() }
    let intruder = HTTPServer(configuration: HTTPServerConfiguration(port: port, threads: second), handler: handler)
    #expect(throws: ListenerError.addressInUse(host: "127.0.0.1", port: port)) { try intruder.start() }
    intruder.stop()
  }
}
