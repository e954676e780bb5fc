/// The project's brand configuration (`brd_…`, Management API): its `brand`, `address` and `contact` details, kept
/// as sent. A project has one.
public struct Brand: Sendable, Equatable, Identifiable {
  /// `brd_…`.
  public var id: String
  /// The `brand`, `address` and `contact` objects.
  public var sections: JSONObject

  /// The sections a brand has.
  public static let sectionNames = ["brand", "address", "contact"]

  /// `ManagementProjectsBranding`.
  public var json: JSONObject {
    var o: JSONObject = ["id": .string(id)]
    for name in Self.sectionNames { o[name] = sections[name] ?? .null }
    return o
  }
}
