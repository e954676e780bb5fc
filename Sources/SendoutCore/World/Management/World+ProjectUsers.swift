extension World {
  /// The position of the user `key` names (an id or a login), `nil` when there is none.
  func userPosition(_ key: String) -> Int? {
    projectUsers.position(of: key) ?? projectUsers.firstIndex { $0.login.lowercased() == key.lowercased() }
  }

  /// The user `key` names (id or login) assigned to project `projectID`, or Voucherify's 404.
  public func projectUser(_ key: String, in projectID: String) throws(VoucherifyError) -> ProjectUser {
    guard let i = userPosition(key), projectUsers[i].role(in: projectID) != nil else {
      throw .notFound("user", id: key)
    }
    return projectUsers[i]
  }

  /// Assigns the existing user `key` (id or login) to project `projectID` with `role` (no event); one already
  /// assigned is a 409.
  public mutating func assignUser(_ key: String, role: String, to projectID: String) throws(VoucherifyError)
    -> ProjectUser
  {
    guard let i = userPosition(key) else { throw .notFound("user", id: key) }
    try Self.checkRole(role, field: "role")
    if projectUsers[i].role(in: projectID) != nil {
      throw .duplicateFound(
        "user", projectUsers[i].id, "user '\(key)' is already assigned to project '\(projectID)'; update the role")
    }
    tick()
    projectUsers[i].projects[projectID] = .string(role)
    return projectUsers[i]
  }

  /// Changes the role of user `id` in project `projectID` (no event).
  public mutating func updateUserRole(_ id: String, role: String, in projectID: String) throws(VoucherifyError)
    -> ProjectUser
  {
    let user = try projectUser(id, in: projectID)
    try Self.checkRole(role, field: "role")
    let i = try position(in: projectUsers, user.id, "user")
    tick()
    projectUsers[i].projects[projectID] = .string(role)
    return projectUsers[i]
  }

  /// Unassigns user `id` from project `projectID` (no event); a user assigned to that project only is refused, as
  /// Voucherify refuses it.
  public mutating func unassignUser(_ id: String, from projectID: String) throws(VoucherifyError) {
    let user = try projectUser(id, in: projectID)
    guard user.projects.count > 1 else {
      throw .invalidPayload("user '\(id)' is assigned to project '\(projectID)' only; a user keeps one project")
    }
    let i = try position(in: projectUsers, user.id, "user")
    tick()
    projectUsers[i].projects[projectID] = nil
  }

  /// Invites `email` (not yet any user's login) with a role in each of `projects` (no event): the user is listed at
  /// once.
  public mutating func inviteUser(email: String, firstName: String?, lastName: String?, projects roles: JSONObject)
    throws(VoucherifyError) -> ProjectUser
  {
    guard userPosition(email) == nil else {
      throw .invalidPayload("`email` '\(email)' is already a user's login; assign the user instead")
    }
    for member in roles.members {
      guard projects[id: member.key] != nil else { throw .notFound("project", id: member.key) }
      try Self.checkRole(member.value.stringValue ?? "", field: "projects.\(member.key)")
    }
    tick()
    let user = ProjectUser(
      id: make(.user), login: email, firstName: firstName, lastName: lastName, projects: roles, isOwner: false)
    projectUsers.append(user)
    return user
  }

  /// A role must be a predefined one or a custom role id (`role_…`).
  static func checkRole(_ role: String, field: String) throws(VoucherifyError) {
    guard ProjectUser.roles.contains(role) || (role.hasPrefix("role_") && role.count > 5) else {
      throw .invalidPayload(
        "`\(field)` is '\(role)'; allowed: \(ProjectUser.roles.joined(separator: ", ")) or a custom role id (role_…)")
    }
  }
}
