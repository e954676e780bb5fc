/// A custom event definition in the metadata schema (`ms_…`).
public struct CustomEventSchema: Sendable, Equatable {
  /// `ms_…`.
  public var id: String
  /// The event name, e.g. `sign_up`.
  public var name: String

  /// Creates a schema.
  public init(id: String, name: String) {
    self.id = id
    self.name = name
  }

  /// `SimpleCustomEvent`.
  public var simpleJSON: JSONObject { ["id": .string(id), "name": .string(name)] }
}
