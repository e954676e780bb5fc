/// What rolling back a stacked redemption did: the parent's rollback and each child's.
public struct StackRollback: Sendable {
  /// The parent's rollback (`rr_…`/`rrf_…`); `nil` when the redemption rolled back had no children.
  public var parent: Redemption?
  /// One rollback per child, in order (or the single redemption's).
  public var rollbacks: [Redemption]

  /// Creates a result.
  public init(parent: Redemption?, rollbacks: [Redemption]) {
    self.parent = parent
    self.rollbacks = rollbacks
  }
}
