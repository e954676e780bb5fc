extension ScenarioRun {
  /// `segment_enter` / `segment_leave`.
  mutating func segment(_ enter: Bool, _ p: inout FieldReader) throws -> StepOutcome {
    let segments = segmentCandidates()
    let segment = try select(&p, "segment", kind: "segment", from: segments, fallback: segments.first?.id)
    let customer: String
    if enter {
      customer = try self.customer(&p)
    } else {
      let members = world.segments[id: segment]?.memberIDs ?? []
      let candidates = customerCandidates().filter { members.contains($0.id) }
      customer = try select(
        &p, "customer", kind: "member of the segment", from: candidates, fallback: candidates.first?.id)
    }
    let r =
      enter
      ? try world.enterSegment(customerID: customer, segmentID: segment)
      : try world.leaveSegment(customerID: customer, segmentID: segment)
    return StepOutcome(
      ["segment": .object(r.value.simpleJSON), "customer": .object(try world.customer(customer).simpleJSON)], r.events)
  }

  /// `custom_event`: tracks `event` (the event name) for a customer with optional `metadata`.
  mutating func customEvent(_ p: inout FieldReader) throws -> StepOutcome {
    let customer = try self.customer(&p)
    let name = try p.string("event") ?? "sign_up"
    let r = try world.trackCustomEvent(customerID: customer, name: name, metadata: try metadata(&p) ?? [:])
    return StepOutcome(["custom_event": .object(r.value.json)], r.events)
  }

  /// `manual_distribution`: runs a world distribution (by key or id; default the first) for a customer.
  mutating func manualDistribution(_ p: inout FieldReader) throws -> StepOutcome {
    let candidates = named(world.distributions, kind: "distribution") { $0.id }
    let id = try select(
      &p, "distribution", kind: "world distribution", from: candidates, fallback: candidates.first?.id)
    let customer = try self.customer(&p)
    let r = try world.runManualDistribution(id, customerID: customer)
    return StepOutcome(["distribution": .object(r.value.simpleJSON)], r.events)
  }

  /// `holder_assign` / `holder_remove`: adds or removes a holder (role `REFEREE` by default) of a code.
  mutating func holder(_ assign: Bool, _ p: inout FieldReader) throws -> StepOutcome {
    let voucher = try self.voucher(&p)
    let customer = try self.customer(&p)
    let r =
      assign
      ? try world.assignHolder(
        voucherID: voucher, customerID: customer,
        role: try p.oneOf("role", ["REFEREE", "HOLDER", "OWNER"]) ?? "REFEREE")
      : try world.removeHolder(voucherID: voucher, customerID: customer)
    return StepOutcome(["holder": .object(r.value.json)], r.events)
  }

  /// The most one `advance` step may move the clock: 100 years.
  static let maxAdvanceMilliseconds = 36_500.0 * 86_400_000

  /// `advance`: moves the simulated clock on by `by` (e.g. `"1h"`, `"14d"`); emits nothing.
  mutating func advance(_ p: inout FieldReader) throws -> StepOutcome {
    guard let ms = try p.duration("by") else { throw p.error("by", "is required: a duration such as 30m, 1h, 14d") }
    // Larger values would overflow the clock (and no campaign outlives a century).
    guard ms <= ScenarioRun.maxAdvanceMilliseconds else {
      throw p.error(
        "by", "'\(p.object["by"]?.stringValue ?? "")' is too far; advance at most 36500d (100 years) per step")
    }
    guard world.now.canAdvance(milliseconds: Int64(ms)) else {
      throw p.error(
        "by",
        "'\(p.object["by"]?.stringValue ?? "")' would move the clock past \(Timestamp.latest), the last time "
          + "the audit log and bodies can write")
    }
    world.advance(milliseconds: Int64(ms))
    return StepOutcome(["now": .string(world.now.iso8601)], [])
  }
}
