import SendoutCore

/// The organization's projects through the Management API (`/management/v1/projects[/{projectId}]`): list, create,
/// get, update and delete, a generic resource over the world's projects (no webhook). The served project is one of
/// them; created ones are kept and listed with their settings as sent, but the mock serves no other project's data.
enum APIProjects {
  /// The resource: the world's projects, listed whole (the spec's list takes no paging).
  static let resource = APIResource<Project>(
    object: "project", idParameter: "projectId", table: \.projects, json: { project, _ in project.json },
    listing: .init(paged: false),
    update: { project, request, world throws(VoucherifyError) in
      Emitted(try world.updateProject(project.id, try settings(request)), [])
    },
    delete: { project, world throws(VoucherifyError) in
      try world.deleteProject(project.id)
      return []
    })

  /// The operations, by `operationId`.
  static let endpoints = APIEndpoints.union([
    resource.endpoints([
      "list-projects": .list, "get-project": .get, "update-project": .update, "delete-project": .delete,
    ]),
    ["create-project": create],
  ])

  /// The Management operations whose path may name any project of the world (the others serve the served one only).
  static let anyProject: Set<String> = [
    "get-project", "update-project", "delete-project", "list-users", "assign-user", "get-user", "update-user",
    "unassign-user", "list-stacking-rules", "create-stacking-rules", "get-stacking-rules", "update-stacking-rules",
    "delete-stacking-rules", "management-list-campaign-templates", "management-copy-campaign-template",
  ]

  /// The path's project, when it names one: any project of the world for `anyProject`, the served one otherwise;
  /// else Voucherify's 404.
  static func check(_ request: APIRequest, _ world: World, _ webhooks: ProjectWebhooks) throws(VoucherifyError) {
    guard let id = request.parameters["projectId"] else { return }
    guard anyProject.contains(request.operation.operationID) else {
      return try APIManagement.project(request, webhooks)
    }
    guard world.projects[id: id] != nil else { throw VoucherifyError.notFound("project", id: id) }
  }

  /// `POST /management/v1/projects`: `name` required; `users` (existing users by `id` or `login`, with a `role`)
  /// assigned with the owners. Answers the project with its keys, which a creation alone shows.
  static func create(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    _ = try request.required("name", errorKey: VoucherifyError.invalidPayloadKey)
    var users: [(key: String, role: String)] = []
    for (i, user) in (request.array(at: "users") ?? []).enumerated() {
      guard let key = user["id"]?.stringValue ?? user["login"]?.stringValue else {
        throw .invalidPayload("`users.\(i)` needs `id` or `login`")
      }
      guard let role = user["role"]?.stringValue else { throw .invalidPayload("`users.\(i).role` is required") }
      users.append((key, role))
    }
    let project = try world.createProject(try settings(request), users: users)
    var body = project.json
    body.merge(project.keys)
    return APIAnswer(body: .object(body))
  }

  /// The body's project settings (`users` and what the platform sets, such as `id` and `is_sandbox`, apart); `name`
  /// may not be emptied.
  private static func settings(_ request: APIRequest) throws(VoucherifyError) -> JSONObject {
    if request.string(at: "name")?.isEmpty == true { throw .invalidPayload("`name` cannot be empty") }
    var settings = JSONObject(
      (request.body.objectValue?.members ?? []).filter {
        Project.defaults[$0.key] != nil && $0.key != "is_sandbox" && $0.value != .null
      })
    if let notifications = settings["api_usage_notifications"]?.objectValue {
      settings["api_usage_notifications"] = .object(
        JSONObject(notifications.members.filter { notices.contains($0.key) && $0.value.objectValue != nil }))
    }
    return settings
  }

  /// The notifications a request sets (each checked as `UsageNotifications`); `redemptions` is Voucherify's own.
  private static let notices: Set<String> = ["messages", "api_calls", "bulk_api_calls", "webhook_calls", "cycle_calls"]
}
