extension World {
  /// Makes `id` the served project (`sendout serve`): a project named `name` with Voucherify's default settings, and
  /// the organization's owner (the world's dashboard user) as its admin. Draws no id and moves no clock, so the
  /// world's ids and times stay those of a world without it.
  public mutating func serveProject(_ id: String, name: String) {
    servedProjectID = id
    guard projects[id: id] == nil else { return }
    var settings = Project.defaults
    settings["name"] = .string(name)
    projects.append(Project(id: id, settings: settings, served: true, keys: [:]))
    if projectUsers[id: userID] == nil {
      projectUsers.append(
        ProjectUser(
          id: userID, login: Self.ownerLogin, firstName: nil, lastName: nil, projects: [id: "ADMIN"], isOwner: true))
    }
  }

  /// The owner's login.
  public static let ownerLogin = "owner@sendout.invalid"

  /// Creates a project with `settings` over the defaults (no event): its keys are drawn, every owner becomes its
  /// `ADMIN`, and each of `users` (an existing user by id or login, with a role) is assigned.
  public mutating func createProject(_ settings: JSONObject, users: [(key: String, role: String)])
    throws(VoucherifyError) -> Project
  {
    var assigned: [(Int, String)] = []
    for (i, user) in users.enumerated() {
      guard let position = userPosition(user.key) else { throw .notFound("user", id: user.key) }
      try Self.checkRole(user.role, field: "users.\(i).role")
      assigned.append((position, user.role))
    }
    tick()
    let id = make(.project)
    let keys: JSONObject = [
      "server_side_key": ["app_id": .string(make(.asset)), "app_token": .string(make(.asset))],
      "client_side_key": ["app_id": .string(make(.asset)), "app_token": .string(make(.asset))],
    ]
    let project = Project(id: id, settings: Project.defaults.merging(settings), served: false, keys: keys)
    projects.append(project)
    for i in projectUsers.indices where projectUsers[i].isOwner { projectUsers[i].projects[id] = "ADMIN" }
    for (position, role) in assigned { projectUsers[position].projects[id] = .string(role) }
    return project
  }

  /// Changes the settings given of project `id` (no event).
  public mutating func updateProject(_ id: String, _ settings: JSONObject) throws(VoucherifyError) -> Project {
    let i = try position(in: projects, id, "project")
    tick()
    projects[i].settings = projects[i].settings.merging(settings)
    return projects[i]
  }

  /// Deletes project `id` with its users' roles, stacking rules and templates (no event). The served project is
  /// refused, as Voucherify refuses to delete the sandbox: the mock would be left serving no project.
  public mutating func deleteProject(_ id: String) throws(VoucherifyError) {
    let i = try position(in: projects, id, "project")
    guard !projects[i].served else {
      throw .invalidPayload(
        "project '\(id)' is the project sendout serve serves (its keys, webhooks and data); it cannot be deleted")
    }
    tick()
    projects.remove(at: i)
    for u in projectUsers.indices { projectUsers[u].projects[id] = nil }
    while let r = stackingRules.firstIndex(where: { $0.projectID == id }) { stackingRules.remove(at: r) }
    while let t = foreignTemplates.firstIndex(where: { $0.projectID == id }) { foreignTemplates.remove(at: t) }
  }
}
