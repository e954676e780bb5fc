/// A user of the organization (`user_…`, Management API): the owner, or one invited, with a role in each project
/// they are assigned to.
public struct ProjectUser: Sendable, Equatable, Identifiable {
  /// `user_…`.
  public var id: String
  /// The login (an email address).
  public var login: String
  /// First name, when known.
  public var firstName: String?
  /// Last name, when known.
  public var lastName: String?
  /// Project id → role (`ADMIN`, `USER`, `VIEWER`, `MERCHANT`, `USER_RESTRICTED` or a custom `role_…`), in
  /// assignment order.
  public var projects: JSONObject
  /// Whether the user owns the organization (owners are added to every new project).
  public var isOwner: Bool

  /// The predefined roles; any other must be a custom role id (`role_…`).
  public static let roles = ["ADMIN", "USER", "VIEWER", "MERCHANT", "USER_RESTRICTED"]

  /// The role the user has in project `projectID`, `nil` when not assigned.
  public func role(in projectID: String) -> String? { projects[projectID]?.stringValue }

  /// `User`, with the `role` in project `projectID` the spec requires.
  public func json(in projectID: String?) -> JSONObject {
    [
      "id": .string(id), "login": .string(login), "email": .string(login),
      "first_name": firstName.map(JSON.string) ?? .null, "last_name": lastName.map(JSON.string) ?? .null,
      "projects": .object(projects), "is_owner": .bool(isOwner),
      "role": projectID.flatMap(role(in:)).map(JSON.string) ?? .null,
    ]
  }
}
