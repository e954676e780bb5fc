/// What configured a sendout: a webhook in Project settings or a distribution's webhook channel. The events
/// catalog says in which of the two each event type can be configured.
public enum SourceKind: String, Sendable, Hashable, CaseIterable {
  /// A webhook in Project settings (`source.object` = `webhook`).
  case webhook
  /// A distribution's webhook channel (`source.object` = `distribution`).
  case distribution
}
