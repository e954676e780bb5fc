import Foundation
import SendoutCore
import Testing

/// The project settings and customer records of issue 20 survive `sendout serve --state` killed and started again:
/// a metadata schema, a custom event schema, a customer's activity and a permanent deletion come back from the
/// journal with the same ids and times.
@Suite(.timeLimit(.minutes(1))) struct ServeSchemaReplayTests {
  typealias ServeProcess = ServeStateTests.ServeProcess

  @Test func schemasActivityAndAPermanentDeletionAreReplayedWithTheirIDs() async throws {
    let (state, audit) = ServeStateTests.stateFiles("schemas")
    defer { ServeStateTests.remove(state, audit) }
    let first = try ServeProcess(state: state, audit: audit)
    let project = try #require(first.line(containing: "Project: ")?.split(separator: " ").dropFirst().first)
    let base = "/management/v1/projects/\(project)"
    let (_, metadata) = try await first.call(
      "POST", "\(base)/metadata-schemas",
      body: #"{"related_object":"customer","properties":{"tier":{"type":"string","optional":true}}}"#)
    let (_, event) = try await first.call(
      "POST", "\(base)/custom-event-schemas", body: #"{"name":"reviewed","schema":{"properties":{}}}"#)
    let (_, kept) = try await first.call(
      "POST", "/v1/customers", body: #"{"source_id":"kept","metadata":{"tier":"a"}}"#)
    let (_, gone) = try await first.call("POST", "/v1/customers", body: #"{"source_id":"gone"}"#)
    let (deleted, deletion) = try await first.call("POST", "/v1/customers/gone/permanent-deletion")
    #expect(deleted == 200, "\(deletion)")
    let (_, feed) = try await first.call("GET", "/v1/customers/kept/activity")
    first.kill()

    let second = try ServeProcess(state: state, audit: audit)
    defer { second.kill() }
    let metadataID = try #require(metadata["id"]?.stringValue)
    let eventID = try #require(event["id"]?.stringValue)
    #expect(try await second.call("GET", "\(base)/metadata-schemas/\(metadataID)").1 == metadata)
    #expect(try await second.call("GET", "\(base)/custom-event-schemas/\(eventID)").1 == event)
    #expect(try await second.call("GET", "/v1/customers/kept/activity").1 == feed)
    #expect(try await second.call("GET", "/v1/customers/kept").1["id"] == kept["id"])
    let goneID = try #require(gone["id"]?.stringValue)
    #expect(try await second.call("GET", "/v1/customers/\(goneID)").0 == 404, "the deletion was replayed")
    let (_, next) = try await second.call("POST", "/v1/customers", body: #"{"source_id":"next"}"#)
    #expect(next["id"] != nil && next["id"] != gone["id"])
  }
}
