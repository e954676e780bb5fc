/// What a world operation returns: the object it created or changed, and the events it emitted in order.
public struct Emitted<Value: Sendable>: Sendable {
  /// The created or changed object.
  public var value: Value
  /// The events, in emission order.
  public var events: [WorldEvent]

  /// Creates a result.
  public init(_ value: Value, _ events: [WorldEvent]) {
    self.value = value
    self.events = events
  }

  /// The last emitted event of `type`, if any.
  public func last(_ type: String) -> WorldEvent? { events.last { $0.type == type } }
}
