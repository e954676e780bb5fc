import Foundation
import SendoutCore
import SendoutIO
import SendoutSessions
import Testing

/// Exports over real HTTP: `result.url` is a URL of the server itself, under `/_sendout/exports/`, answering the CSV
/// as `text/csv` with its length (404 before the export is done, for an unknown export and for a wrong token), the
/// same bytes as `download-export`; a restart from the journal gives the same export and the same bytes.
@Suite(.timeLimit(.minutes(1))) struct ServeExportHTTPTests {
  /// `GET url` without keys: the status, content type and body.
  static func fetch(_ url: String, keys: Bool = false) async throws -> (Int, String?, [UInt8]) {
    let headers = keys ? [HTTPHeader("X-App-Id", "app"), HTTPHeader("X-App-Token", "token")] : []
    let response = try await ServeServer.exchange("GET", url, headers: headers, body: [])
    let length = response.headers.first { $0.name.lowercased() == "content-length" }.flatMap { Int($0.value) }
    #expect(length == response.body.count, "content-length \(length ?? -1) for \(response.body.count) bytes")
    return (response.status, response.headers.first { $0.name.lowercased() == "content-type" }?.value, response.body)
  }

  @Test func resultURLServesTheCSVAndAReplayGivesTheSameBytes() async throws {
    let state = NSTemporaryDirectory() + "sendout-serve-export-\(UUID().uuidString).jsonl"
    defer { try? FileManager.default.removeItem(atPath: state) }
    let server = try await ServeServer(state: state)
    _ = try await server.call("POST", "/v1/customers", body: #"{"source_id":"csv-1","name":"Ann, \"A\""}"#)
    let (created, made) = try await server.call(
      "POST", "/v1/exports",
      body: #"{"exported_object":"customer","parameters":{"fields":["source_id","name"],"order":"-created_at"}}"#)
    #expect(created == 200 && made["status"] == "SCHEDULED", "\(made)")
    let id = try #require(made["id"]?.stringValue)
    let (early, _, _) = try await Self.fetch(server.url + "/_sendout/exports/\(id)?token=x")
    #expect(early == 404)
    _ = try await server.call("POST", "/_sendout/clock", body: #"{"advance":"2s"}"#)  // past created_at + 1 s
    let (_, done) = try await server.call("GET", "/v1/exports/\(id)")
    let url = try #require(done.value(atPath: "result.url")?.stringValue, "\(done)")
    #expect(done["status"] == "DONE" && url.hasPrefix(server.url + "/_sendout/exports/\(id)?token="), "\(url)")
    let (status, type, csv) = try await Self.fetch(url)
    #expect(status == 200 && type == "text/csv; charset=utf-8")
    let text = String(decoding: csv, as: UTF8.self)
    #expect(text.hasPrefix("source_id,name\r\ncsv-1,\"Ann, \"\"A\"\"\"\r\n"), "newest first: \(text.prefix(80))")
    let token = try #require(url.split(separator: "=").last)
    let (viaAPI, apiType, same) = try await Self.fetch(server.url + "/v1/exports/\(id)?token=\(token)", keys: true)
    #expect(viaAPI == 200 && apiType == "text/csv; charset=utf-8" && same == csv, "download-export answers the file")
    #expect(try await Self.fetch(server.url + "/_sendout/exports/\(id)?token=nope").0 == 404)
    #expect(try await Self.fetch(server.url + "/_sendout/exports/exp_unknown?token=\(token)").0 == 404)
    try await server.stop()

    let again = try await ServeServer(state: state)
    let (_, replayed) = try await again.call("GET", "/v1/exports/\(id)")
    #expect(replayed["status"] == "DONE" && replayed["parameters"] == done["parameters"], "\(replayed)")
    let (_, _, bytes) = try await Self.fetch(again.url + "/_sendout/exports/\(id)?token=\(token)")
    #expect(bytes == csv, "the same file after a replay")
    try await again.stop()
  }
}
