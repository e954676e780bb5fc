import Foundation
import SendoutCore
import Testing

/// Async actions across a `kill -9`: a bulk update and a CSV upload accepted, the simulated clock moved past their
/// due time and their rows applied, then the process killed and started again from its `--state` journal: the same
/// action ids, results and applied rows.
@Suite(.timeLimit(.minutes(1))) struct ServeAsyncActionStateTests {
  @Test func actionsAndTheirRowsAreReplayedWithTheSameIDsAndResults() async throws {
    let (state, audit) = ServeStateTests.stateFiles("async-actions")
    defer { ServeStateTests.remove(state, audit) }
    let at = ["--at", "2024-03-13T13:45:00.000Z"]
    let first = try ServeStateTests.ServeProcess(state: state, audit: audit, extra: at)
    let (bulk, accepted) = try await first.call(
      "POST", "/v1/customers/bulk/async", body: #"[{"source_id":"aa-kate","name":"Kate"}]"#)
    #expect(bulk == 202, "\(accepted)")
    let csv =
      "--b0undary\r\ncontent-disposition: form-data; name=\"file\"; filename=\"p.csv\"\r\n\r\n"
      + "name,source_id,price\r\nMug,aa-mug,900\r\n,aa-nameless,1\r\n--b0undary--\r\n"
    let (upload, imported) = try await first.call(
      "POST", "/v1/products/importCSV", body: csv,
      headers: ["content-type": "multipart/form-data; boundary=b0undary"])
    #expect(upload == 200, "\(imported)")
    let (moved, _) = try await first.call("POST", "/_sendout/clock", body: #"{"advance":"2s"}"#)
    #expect(moved == 200)
    var before: [JSON] = []
    for id in [accepted["async_action_id"], imported["async_action_id"]] {
      let (_, action) = try await first.call("GET", "/v1/async-actions/\(try #require(id?.stringValue))")
      #expect(action["status"] == "DONE", "\(action)")
      before.append(action)
    }
    #expect(before[1].value(atPath: "result.failed.0.row") == 2, "\(before[1])")
    let (_, mug) = try await first.call("GET", "/v1/products/aa-mug")
    first.kill()

    let second = try ServeStateTests.ServeProcess(state: state, audit: audit, extra: at)
    defer { second.kill() }
    let line = second.firstLine
    #expect(line.contains("calls replayed") && !line.contains(" 0 calls"), "\(line)")
    for action in before {
      let (_, again) = try await second.call("GET", "/v1/async-actions/\(try #require(action["id"]?.stringValue))")
      #expect(again == action)
    }
    #expect(try await second.call("GET", "/v1/products/aa-mug").1 == mug)
    #expect(try await second.call("GET", "/v1/customers/aa-kate").1["name"] == "Kate")
  }
}
