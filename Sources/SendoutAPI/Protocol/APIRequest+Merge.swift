import SendoutCore

extension APIRequest {
  /// The body's `key` read with `read` over `current`: `current` when the body has no `key`, `nil` when it is
  /// `null` (an update changes only the fields it sends; the request check has checked their types).
  func field<T>(_ key: String, over current: T?, _ read: (JSON) -> T?) -> T? {
    guard let value = body[key] else { return current }
    return read(value)
  }
}
