import SendoutCore

/// The users of a project through the Management API (`/management/v1/projects/{projectId}/users`): list, assign,
/// get, update the role, unassign, and invite a new user (`/management/v1/projects/users/invite`). No webhook.
enum APIProjectUsers {
  /// The operations, by `operationId`.
  static let endpoints: [String: APIEndpoints.Handler] = [
    "list-users": list, "assign-user": assign, "get-user": get, "update-user": update, "unassign-user": unassign,
    "invite-user": invite,
  ]

  private static let key = VoucherifyError.invalidPayloadKey

  /// `GET …/users`: every user with a role in the project (the spec's list takes no paging).
  static func list(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let project = request.parameter("projectId")
    let users = world.projectUsers.filter { $0.role(in: project) != nil }.map { JSON.object($0.json(in: project)) }
    return APIAnswer(body: APIList.body("data", users, total: users.count))
  }

  /// `POST …/users`: `role` with `id` or `login` (not both) of an existing user.
  static func assign(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let project = request.parameter("projectId")
    let role = try request.required("role", errorKey: key)
    let user: String
    switch (request.string(at: "id"), request.string(at: "login")) {
    case (let id?, nil): user = id
    case (nil, let login?): user = login
    case (.some, .some): throw .invalidPayload("`id` and `login` cannot both be given; send one with `role`")
    case (nil, nil): throw .invalidPayload("`id` or `login` is required with `role`")
    }
    return APIAnswer(body: .object(try world.assignUser(user, role: role, to: project).json(in: project)))
  }

  /// `GET …/users/{userId}`.
  static func get(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let project = request.parameter("projectId")
    return APIAnswer(body: .object(try world.projectUser(request.parameter("userId"), in: project).json(in: project)))
  }

  /// `PUT …/users/{userId}`: `role` required.
  static func update(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let project = request.parameter("projectId")
    let role = try request.required("role", errorKey: key)
    let user = try world.updateUserRole(request.parameter("userId"), role: role, in: project)
    return APIAnswer(body: .object(user.json(in: project)))
  }

  /// `DELETE …/users/{userId}`: 204.
  static func unassign(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    try world.unassignUser(request.parameter("userId"), from: request.parameter("projectId"))
    return APIAnswer(body: .null)
  }

  /// `POST /management/v1/projects/users/invite`: `email` (an address no user logs in with) required, `projects`
  /// (project id → role); 204. No email is sent.
  static func invite(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let email = try request.required("email", errorKey: key)
    let parts = email.split(separator: "@", omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !email.contains(" ") else {
      throw .invalidPayload("`email` must be an email address, got '\(email)'")
    }
    _ = try world.inviteUser(
      email: email, firstName: request.string(at: "first_name"), lastName: request.string(at: "last_name"),
      projects: request.object(at: "projects") ?? [:])
    return APIAnswer(body: .null)
  }
}
