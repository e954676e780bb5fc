import SendoutAPI
import SendoutCore

extension APIService {
  /// `POST /_sendout/scenario` with a scenario file as the body: its world (after its steps), project webhooks and
  /// distributions replace the current ones, and `POST /_sendout/reset` comes back to them from then on. Its steps'
  /// sendouts are sent with the call's; targets as at start (`--to` overrides, the built-in listener for none).
  /// A bad file is a 400 whose details are what `sendout run` says (line:column or field path). The body is taken
  /// literally: `${NAME}` is not expanded from the server's environment (which the caller must not read, and which a
  /// replay of the journal may not have), only `${NAME:-default}` gets its default.
  func scenarioEndpoint(_ call: APICall, _ mock: inout MockAPI, _ shell: inout Shell, reached: inout Bool)
    throws(VoucherifyError) -> APIAnswer
  {
    let file = "request body"
    let start: ServeStart
    do throws(SessionError) {
      let scenario: Scenario
      do {
        scenario = try ScenarioLoader(file: file, environment: nil).load(call.body)
      } catch { throw .badInput(error.description) }
      start = try ServeStart.make(
        scenario, file: file, seed: nil, secret: scenarioTargets.secret,
        defaultTarget: scenarioTargets.default, overrideTarget: scenarioTargets.override)
    } catch {
      throw VoucherifyError(status: 400, key: "invalid_scenario", message: "Invalid scenario", details: error.message)
    }
    if let refusal = shell.served.refusal(of: start.webhooks) {
      throw VoucherifyError(status: 400, key: "invalid_scenario", message: "Invalid scenario", details: refusal)
    }
    mock.enter(call, reached: &reached)
    var world = start.world
    world.addsRequestGaps = false
    world.keepsLog = false
    (mock.world, mock.webhooks) = (world, start.webhooks)
    (shell.initialWorld, shell.initialWebhooks) = (world, start.webhooks)
    mock.world.moveClock(to: call.at)
    mock.madeSendouts = start.sendouts
    return APIAnswer(
      body: [
        "object": "scenario", "name": .string(start.name), "seed": .string(String(start.seed)),
        "project_id": .string(start.webhooks.projectID), "webhooks": .array(start.webhooks.all.map(\.json)),
        "distributions": .int(start.webhooks.distributions.count), "sendouts": .int(start.sendouts.count),
      ])
  }
}
