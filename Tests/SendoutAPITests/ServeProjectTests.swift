import SendoutAPI
import SendoutCore
import Testing

/// Projects and their users through the Management API: the served project is one of the organization's projects,
/// created ones are kept with their settings as sent, the served one cannot be deleted, and users keep a role per
/// project (the owner in every new one). No webhook.
@Suite struct ServeProjectTests {
  static let projects = "/management/v1/projects"

  /// A project created with some settings, its id.
  static func created(_ server: InProcessAPI, _ body: String = #"{"name":"Shop EU","currency":"EUR"}"#) throws
    -> String
  {
    let (status, project) = try server.send("POST", projects, body: body)
    #expect(status == 200, "\(project)")
    return try #require(project["id"]?.stringValue, "\(project)")
  }

  @Test func theServedProjectIsListedAndCreatedOnesKeepTheirSettings() throws {
    let server = try InProcessAPI.served()
    let (status, made) = try server.send(
      "POST", Self.projects, body: #"{"name":"Shop EU","currency":"EUR","timezone":"Europe/Oslo"}"#)
    #expect(status == 200 && made["currency"] == "EUR" && made["timezone"] == "Europe/Oslo", "\(made)")
    #expect(made.value(atPath: "server_side_key.app_id")?.stringValue?.isEmpty == false, "a creation shows its keys")
    let id = try #require(made["id"]?.stringValue)
    #expect(id.hasPrefix("proj_") && id != server.projectID)
    let (_, read) = try server.send("GET", "\(Self.projects)/\(id)")
    #expect(read["name"] == "Shop EU" && read["server_side_key"] == nil && read["webhook_token"] == .null, "\(read)")
    let (_, changed) = try server.send("PUT", "\(Self.projects)/\(id)", body: #"{"case_sensitive_codes":false}"#)
    #expect(changed["case_sensitive_codes"] == false && changed["currency"] == "EUR", "what it does not name stays")
    let (_, list) = try server.send("GET", Self.projects)
    let ids = (list["data"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }
    #expect(ids == [server.projectID, id] && list["total"] == 2, "\(list)")
    let (deleted, _) = try server.send("DELETE", "\(Self.projects)/\(id)")
    #expect(deleted == 204)
    #expect(server.sendouts.isEmpty, "projects send no webhook")
  }

  /// Conformance found notifications of names the request schema does not have kept and answered, breaking the
  /// project's schema: only the request's own notification objects are kept.
  @Test func onlyTheNotificationsARequestSetsAreKept() throws {
    let server = try InProcessAPI.served()
    let (status, made) = try server.send(
      "POST", Self.projects,
      body:
        #"{"name":"N","api_usage_notifications":{"api_calls":{"value":80,"enabled":true},"redemptions":[1],"x":{}}}"#)
    #expect(status == 200 && made["api_usage_notifications"] == ["api_calls": ["value": 80, "enabled": true]])
    try InProcessAPI.expectValid(made, try #require(APIOperation.specResponseSchemas["create-project"]?[200]))
  }

  @Test func refusalsNameTheProjectOrTheField() throws {
    let server = try InProcessAPI.served()
    let served = "\(Self.projects)/\(server.projectID)"
    try server.expectRefusals([
      ("DELETE", served, nil, 400, "invalid_payload", "cannot be deleted"),
      ("GET", "\(Self.projects)/proj_nope", nil, 404, "not_found", "proj_nope"),
      ("PUT", "\(Self.projects)/proj_nope", "{}", 404, "not_found", "proj_nope"),
      ("POST", Self.projects, #"{"currency":"EUR"}"#, 400, "invalid_payload", "`name`"),
      ("POST", Self.projects, #"{"name":5}"#, 400, "invalid_payload", "`name`"),
      (
        "POST", Self.projects, #"{"name":"x","users":[{"login":"nobody@x.io","role":"USER"}]}"#, 404, "not_found",
        "nobody@x.io"
      ),
      (
        "POST", Self.projects, #"{"name":"x","users":[{"id":"\#(server.read(\.userID))","role":"BOSS"}]}"#, 400,
        "invalid_payload", "`users.0.role`"
      ),
      ("PUT", served, #"{"name":""}"#, 400, "invalid_payload", "`name`"),
    ])
    let (_, still) = try server.send("GET", served)
    #expect(still["name"] == .string(MockAPI.projectName))
  }

  @Test func usersHaveARolePerProjectAndTheOwnerIsInEveryNewOne() throws {
    let server = try InProcessAPI.served()
    let other = try Self.created(server)
    let served = "\(Self.projects)/\(server.projectID)/users"
    let (_, owners) = try server.send("GET", "\(Self.projects)/\(other)/users")
    #expect(owners["total"] == 1 && owners.value(atPath: "data.0.role") == "ADMIN", "\(owners)")
    let (invited, none) = try server.send(
      "POST", "\(Self.projects)/users/invite",
      body: #"{"email":"ann@shop.test","first_name":"Ann","projects":{"\#(server.projectID)":"VIEWER"}}"#)
    #expect(invited == 204 && none == .null)
    let (_, list) = try server.send("GET", served)
    let ann = try #require(list["data"]?.arrayValue?.first { $0["login"] == "ann@shop.test" }, "\(list)")
    #expect(ann["role"] == "VIEWER" && ann["first_name"] == "Ann" && ann["is_owner"] == false)
    let id = try #require(ann["id"]?.stringValue)
    let (assigned, there) = try server.send(
      "POST", "\(Self.projects)/\(other)/users", body: #"{"login":"ann@shop.test","role":"MERCHANT"}"#)
    #expect(assigned == 200 && there["role"] == "MERCHANT", "\(there)")
    #expect(there["projects"] == .object([server.projectID: "VIEWER", other: "MERCHANT"]))
    let (_, promoted) = try server.send("PUT", "\(served)/\(id)", body: #"{"role":"ADMIN"}"#)
    #expect(promoted["role"] == "ADMIN")
    let (unassigned, _) = try server.send("DELETE", "\(Self.projects)/\(other)/users/\(id)")
    #expect(unassigned == 204)
    try server.expectRefusals([
      ("GET", "\(Self.projects)/\(other)/users/\(id)", nil, 404, "not_found", id),
      ("DELETE", "\(served)/\(id)", nil, 400, "invalid_payload", "one project"),
      ("POST", served, #"{"login":"ann@shop.test","role":"USER"}"#, 409, "duplicate_found", "already assigned"),
      ("POST", served, #"{"id":"user_nope","role":"USER"}"#, 404, "not_found", "user_nope"),
      ("POST", served, #"{"login":"ann@shop.test"}"#, 400, "invalid_payload", "`role`"),
      ("PUT", "\(served)/\(id)", #"{"role":"OWNER"}"#, 400, "invalid_payload", "`role`"),
      ("POST", "\(Self.projects)/users/invite", #"{"email":"not-an-email"}"#, 400, "invalid_payload", "`email`"),
      ("POST", "\(Self.projects)/users/invite", #"{"email":"ann@shop.test"}"#, 400, "invalid_payload", "`email`"),
      (
        "POST", "\(Self.projects)/users/invite", #"{"email":"bo@shop.test","projects":{"proj_nope":"USER"}}"#, 404,
        "not_found", "proj_nope"
      ),
      ("GET", "\(Self.projects)/proj_nope/users", nil, 404, "not_found", "proj_nope"),
    ])
  }

  @Test func deletingAProjectTakesItsRolesWithIt() throws {
    let server = try InProcessAPI.served()
    let other = try Self.created(server)
    let (deleted, _) = try server.send("DELETE", "\(Self.projects)/\(other)")
    #expect(deleted == 204)
    let owner = try #require(server.read { $0.projectUsers[id: $0.userID] })
    #expect(owner.projects.keys == [server.projectID])
    let (gone, _) = try server.send("GET", "\(Self.projects)/\(other)/users")
    #expect(gone == 404)
  }
}
