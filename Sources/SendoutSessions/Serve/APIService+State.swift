import SendoutAPI
import SendoutCore
import SendoutIO

extension APIService {
  /// Everything a call may change, behind the service's mutex: the mock and the shell's own state.
  struct State {
    /// The mock API: world, project webhooks, read cache, simulated clock, request ids.
    var mock: MockAPI
    /// The shell's own state, which the admin endpoints change besides the mock.
    var shell: Shell
  }

  /// The shell's own state: what `POST /_sendout/reset` comes back to, where the server listens, the journal and the
  /// count of calls.
  struct Shell {
    /// The world a reset comes back to (a loaded scenario's, once one is loaded).
    var initialWorld: World
    /// The project webhooks a reset comes back to.
    var initialWebhooks: ProjectWebhooks
    /// Where the server listens: webhooks aimed there are refused (set with `serve(at:)`).
    var served = ServedAddress()
    /// The journal calls are written to (`--state`), from the replay at start on.
    var journal: DurableLog?
    /// Calls answered so far.
    var calls = 0
  }
}
