extension World {
  /// Moves the clock to `time`, running on the way whatever falls due, in time order: pending points whose
  /// activation date has come are activated, active points buckets whose expiry has come expire, and scheduled
  /// exports are done. Like Stripe's test clocks, for what takes weeks in real life. Returns the events, in order.
  public mutating func advanceClock(to time: Timestamp) throws(VoucherifyError) -> [WorldEvent] {
    var events: [WorldEvent] = []
    while let (due, work) = nextDue(before: time) {
      moveClock(to: due)
      switch work {
      case .activate(let id): events += try activatePendingPoints(id).events
      case .expire(let voucherID, let bucketID):
        events += try expirePoints(voucherID: voucherID, bucketID: bucketID).events
      case .export(let id): completeExport(id)
      }
    }
    moveClock(to: time)
    return events
  }

  private enum DueWork {
    case activate(String)
    case expire(String, String)
    case export(String)
  }

  /// The earliest work due at or before `time`, if any.
  private func nextDue(before time: Timestamp) -> (Timestamp, DueWork)? {
    var next: (Timestamp, DueWork)?
    for p in pendingPoints where p.state == "PENDING" && p.activatesAt <= time {
      if next.map({ p.activatesAt < $0.0 }) ?? true { next = (p.activatesAt, .activate(p.id)) }
    }
    for b in buckets where b.status == "ACTIVE" && b.expiresAt <= time {
      if next.map({ b.expiresAt < $0.0 }) ?? true { next = (b.expiresAt, .expire(b.voucherID, b.id)) }
    }
    if let e = nextExport(dueBy: time), next.map({ e.due < $0.0 }) ?? true { next = (e.due, .export(e.id)) }
    return next
  }
}
