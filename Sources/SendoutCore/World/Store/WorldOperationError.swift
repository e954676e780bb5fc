/// Why a world operation could not run.
public enum WorldOperationError: Error, Sendable, Equatable {
  /// No object of `kind` with this id exists.
  case notFound(kind: String, id: String)
  /// The operation does not apply to this object (e.g. gift credits on a discount coupon).
  case invalid(String)

  /// One line for the user.
  public var message: String {
    switch self {
    case .notFound(let kind, let id): "No \(kind) with id '\(id)' exists in the world."
    case .invalid(let why): "Operation not possible: \(why)"
    }
  }
}
