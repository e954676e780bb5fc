extension World {
  /// The stacking rules of project `projectID`: the ones set, or the defaults.
  public func stackingRules(of projectID: String) -> StackingRules {
    stackingRules.first { $0.projectID == projectID } ?? .defaults(of: projectID)
  }

  /// The stacking rules validations and redemptions apply: the served project's, or the defaults.
  public var stackingRulesInForce: StackingRules {
    // Not `servedProjectID.map(stackingRules(of:))`: a method reference closes over a copy of the whole world, once
    // per evaluated redeemable (most of a qualification's time).
    guard let project = servedProjectID else { return .defaults(of: "") }
    return stackingRules(of: project)
  }

  /// Sets project `projectID`'s stacking rules over the defaults (no event); a project that has them already is a
  /// 409, as Voucherify answers (update them instead).
  public mutating func createStackingRules(_ settings: JSONObject, for projectID: String) throws(VoucherifyError)
    -> StackingRules
  {
    if let existing = stackingRules.first(where: { $0.projectID == projectID }) {
      throw .duplicateFound(
        "stacking_rules", existing.id, "project '\(projectID)' has stacking rules (\(existing.id)): update them")
    }
    try Self.checkStackingSettings(settings)
    tick()
    let rules = StackingRules(
      id: make(.stackingRules), projectID: projectID, settings: StackingRules.defaults.merging(settings),
      createdAt: now)
    stackingRules.append(rules)
    return rules
  }

  /// Changes the settings given of stacking rules `id` (no event).
  public mutating func updateStackingRules(_ id: String, _ settings: JSONObject) throws(VoucherifyError)
    -> StackingRules
  {
    let i = try position(in: stackingRules, id, "stacking_rules")
    try Self.checkStackingSettings(settings)
    tick()
    stackingRules[i].settings = stackingRules[i].settings.merging(settings)
    stackingRules[i].updatedAt = now
    return stackingRules[i]
  }

  /// Deletes stacking rules `id`: the project's rules are the defaults again (no event).
  public mutating func deleteStackingRules(_ id: String) throws(VoucherifyError) {
    try remove(id, from: \.stackingRules, "stacking_rules")
  }

  /// An integer setting outside the spec's range is a 400 naming it; a setting validations and redemptions do not
  /// apply may keep its default only: another value is a 501 naming it (a rule the application sets is enforced or
  /// refused, never ignored).
  static func checkStackingSettings(_ settings: JSONObject) throws(VoucherifyError) {
    for member in settings.members {
      guard let range = StackingRules.ranges[member.key] else { continue }
      guard let value = member.value.intValue, range.contains(value) else {
        throw .invalidPayload(
          "`\(member.key)` must be an integer from \(range.lowerBound) to \(range.upperBound), got "
            + member.value.compactString)
      }
    }
    for member in settings.members where !StackingRules.enforced.contains(member.key) {
      guard let standard = StackingRules.defaults[member.key], member.value != standard, member.value != .null else {
        continue
      }
      throw VoucherifyError.notSimulated(
        "stacking rule `\(member.key)` other than \(standard.compactString) is not simulated by sendout serve; "
          + "only redeemables_limit, applicable_redeemables_limit and redeemables_application_mode change verdicts")
    }
  }
}
