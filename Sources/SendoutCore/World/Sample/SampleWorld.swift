/// Builds a small seeded world and plays the operations that lead to one event, for `render` and `fire`.
public enum SampleWorld {
  /// The last event of `type` emitted by a short, realistic sequence of operations in a world seeded with `seed`,
  /// whose simulated clock starts at `start`.
  public static func event(type: String, seed: UInt64, start: Timestamp) throws(WorldError) -> WorldEvent {
    guard let descriptor = EventCatalog.descriptor(for: type) else { throw .unknownEventType(type) }
    if let reason = descriptor.notRenderableReason { throw .notRenderable(type, reason: reason) }
    var w = World(seed: seed, start: start)
    do {
      w = try World.sample(seed: seed, start: start)
    } catch {
      preconditionFailure("the sample world could not be built: \(error.message)")
    }
    let before = w.log.count
    do {
      try SampleScript(type: type).play(on: &w)
    } catch {
      preconditionFailure("sample script for \(type) failed: \(error.message)")
    }
    guard let e = w.log[before...].last(where: { $0.type == type }) else {
      preconditionFailure("sample script for \(type) emitted no such event")
    }
    return e
  }
}

/// Why the world could not do what was asked.
public enum WorldError: Error, Sendable, Equatable {
  /// No event of this type exists in the catalog.
  case unknownEventType(String)
  /// The event type is documented but has no schema to render from.
  case notRenderable(String, reason: String)
}
