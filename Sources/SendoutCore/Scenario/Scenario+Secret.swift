extension Scenario {
  /// Whether the scenario names no `project.secret`, so its sendouts are signed with `generatedSecret(seed:)`.
  public var generatesSecret: Bool { project.secret == nil }

  /// The secret every sendout is signed with: `project.secret`, or, since Voucherify always signs, one generated
  /// from the run's seed (`seed`, default the scenario's), so the same scenario and seed give the same signatures.
  public func webhookSecret(seed: UInt64? = nil) -> String {
    project.secret ?? Scenario.generatedSecret(seed: seed ?? self.seed)
  }

  /// 32 lowercase hex digits drawn from `seed` (its own stream, so ids and values do not shift).
  public static func generatedSecret(seed: UInt64) -> String {
    var rng = SeededGenerator(seed: seed ^ 0x5EC2_E7B1_A5ED)
    var bytes: [UInt8] = []
    for _ in 0..<2 { withUnsafeBytes(of: rng.next().bigEndian) { bytes.append(contentsOf: $0) } }
    return Hex.encode(bytes)
  }
}
