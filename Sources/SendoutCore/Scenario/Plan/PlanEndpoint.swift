/// A webhook or distribution with its builder, while planning.
struct PlanEndpoint {
  /// For reports.
  var name: String
  /// Subscribed types of a project webhook (nil: all).
  var events: Set<String>?
  /// The trigger of a distribution (nil for project webhooks).
  var trigger: String?
  /// Makes the sendouts.
  var builder: SendoutBuilder

  /// Whether an event of `type`, configurable in `places`, goes here.
  func accepts(_ type: String, _ places: [SendoutSource.Kind]) -> Bool {
    if let trigger { return trigger == type }
    return places.contains(.webhook) && (events?.contains(type) ?? true)
  }
}
