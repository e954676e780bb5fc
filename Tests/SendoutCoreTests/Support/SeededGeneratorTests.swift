import SendoutCore
import Testing

@Suite struct SeededGeneratorTests {
  /// Known answers from an independent Python transcription of SplitMix64 seeding + xoshiro256**
  /// (seed 0 gives 0x99ec5f36cb75f2b4 first, as the reference implementation does).
  static let answers: [(UInt64, [UInt64])] = [
    (0, [0x99ec_5f36_cb75_f2b4, 0xbf6e_1f78_4956_452a, 0x1a5f_849d_4933_e6e0, 0x6aa5_94f1_262d_2d2c]),
    (42, [0x1578_0b2e_0c2e_c716, 0x6104_d986_6d11_3a7e, 0xae17_5332_39e4_99a1, 0xecb8_ad47_03b3_60a1]),
    (UInt64.max, [0x8f55_20d5_2a7e_ad08, 0xc476_a018_caa1_802d, 0x81de_31c0_d260_469e, 0xbf65_8d7e_065f_3c2f]),
  ]

  @Test(arguments: answers)
  func knownAnswers(_ seed: UInt64, _ expected: [UInt64]) {
    var g = SeededGenerator(seed: seed)
    #expect((0..<4).map { _ in g.next() } == expected)
  }

  @Test func sameSeedSameSequenceOtherSeedOther() {
    var a = SeededGenerator(seed: 7)
    var b = SeededGenerator(seed: 7)
    var c = SeededGenerator(seed: 8)
    let sa = (0..<1000).map { _ in a.next() }
    #expect(sa == (0..<1000).map { _ in b.next() })
    #expect(sa != (0..<1000).map { _ in c.next() })
  }

  @Test func helpersAreDeterministicAndInRange() {
    var a = SeededGenerator(seed: 99)
    var b = SeededGenerator(seed: 99)
    for _ in 0..<1000 {
      let x = a.int(in: 3...9)
      #expect((3...9).contains(x))
      #expect(x == b.int(in: 3...9))
      #expect(a.pick(["a", "b", "c"]) == b.pick(["a", "b", "c"]))
      #expect(a.chance(0.3) == b.chance(0.3))
    }
    var never = SeededGenerator(seed: 1)
    #expect((0..<1000).allSatisfy { _ in !never.chance(0) })
    #expect((0..<1000).allSatisfy { _ in never.chance(1) })
  }

  @Test func forkIsIndependentAndDeterministic() {
    var a = SeededGenerator(seed: 5)
    var b = SeededGenerator(seed: 5)
    var fa = a.fork()
    var fb = b.fork()
    #expect(fa.next() == fb.next())
    #expect(a.next() == b.next())
    var parent = SeededGenerator(seed: 5)
    var child = parent.fork()
    #expect(child.next() != parent.next())
  }

  @Test func roughlyUniform() {
    var g = SeededGenerator(seed: 2024)
    var buckets = [Int](repeating: 0, count: 10)
    for _ in 0..<100_000 { buckets[g.int(in: 0...9)] += 1 }
    #expect(buckets.allSatisfy { (9_500...10_500).contains($0) }, "\(buckets)")
  }
}

@Suite struct SeededGeneratorBoundedTests {
  /// Locks the bounded-integer algorithm: these values were produced by this code and reviewed; a change in
  /// them means every scenario replay would produce different bodies.
  @Test func boundedIntegersAreFixedForASeed() {
    var g = SeededGenerator(seed: 42)
    let values = (0..<8).map { _ in g.int(in: 1...6) }
    var h = SeededGenerator(seed: 42)
    #expect(values == (0..<8).map { _ in h.int(in: 1...6) })
    #expect(values == [1, 3, 5, 6, 6, 5, 5, 6])
    #expect(values.allSatisfy { (1...6).contains($0) })
    var full = SeededGenerator(seed: 1)
    _ = full.int(in: Int.min...Int.max)
    var neg = SeededGenerator(seed: 3)
    #expect((0..<1000).allSatisfy { _ in (-5...5).contains(neg.int(in: -5...5)) })
    var u = SeededGenerator(seed: 9)
    #expect((0..<1000).allSatisfy { _ in (0..<1).contains(u.unit()) })
  }
}
