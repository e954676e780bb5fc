/// Builds a small seeded world and plays the operations that lead to one event, for `render` and `fire`.
public enum SampleWorld {
  /// The last event of `type` emitted by a short, realistic sequence of operations in a world seeded with `seed`,
  /// whose simulated clock starts at `start`.
  public static func event(type: String, seed: UInt64, start: Timestamp) throws(WorldError) -> WorldEvent {
    throw .unknownEventType(type)
  }
}

/// Why the world could not do what was asked.
public enum WorldError: Error, Sendable, Equatable {
  /// No event of this type exists in the catalog.
  case unknownEventType(String)
  /// The event type is documented but has no schema to render from.
  case notRenderable(String, reason: String)
}
