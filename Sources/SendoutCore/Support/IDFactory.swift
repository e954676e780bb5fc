/// Mints identifiers in Voucherify's formats from a seeded generator and a given time.
///
/// Time-ordered ids (`whs_`, `r_`, `ord_`, …) carry `(ms − 1462320000000) × 4` in their first 11 hex
/// digits, as the official examples do (reference notes §4), followed by 7 hex digits from a per-factory
/// sequence, so ids minted at the same millisecond share a prefix and still never collide.
public struct IDFactory: Sendable {
  /// 2016-05-04T00:00:00Z, the epoch of Voucherify's time-ordered ids.
  public static let timeEpochMilliseconds: Int64 = 1_462_320_000_000

  private var random: SeededGenerator
  private var sequence: UInt32

  private static let base62 = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)
  private static let hexDigits = Array("0123456789abcdef".utf8)

  /// A factory whose ids are fixed by `seed`.
  public init(seed: UInt64) {
    random = SeededGenerator(seed: seed ^ 0x1D_FAC7_0123)
    sequence = UInt32(truncatingIfNeeded: random.next()) & 0x0FFF_FFFF
  }

  /// A new id of `format`, time-ordered ids stamped with `time`.
  public mutating func make(_ format: IDFormat, at time: Timestamp) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(format.prefix.utf8.count + 36)  // the longest body, a UUID: one allocation
    out.append(contentsOf: format.prefix.utf8)
    switch format.body {
    case .base62(let n):
      out.reserveCapacity(out.count + n)
      for _ in 0..<n { out.append(IDFactory.base62[Int(random.next() % 62)]) }
    case .timeHex:
      let ticks = UInt64(max(0, time.milliseconds - IDFactory.timeEpochMilliseconds)) &* 4
      appendHex(ticks & 0xFFF_FFFF_FFFF, digits: 11, to: &out)
      sequence = (sequence &+ 1) & 0x0FFF_FFFF
      appendHex(UInt64(sequence), digits: 7, to: &out)
    case .uuid:
      let a = random.next()
      let b = random.next()
      var hex: [UInt8] = []
      appendHex(a, digits: 16, to: &hex)
      appendHex(b, digits: 16, to: &hex)
      hex[12] = UInt8(ascii: "4")
      hex[16] = IDFactory.hexDigits[Int(8 + b % 4)]
      for (i, c) in hex.enumerated() {
        if [8, 12, 16, 20].contains(i) { out.append(UInt8(ascii: "-")) }
        out.append(c)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  private func appendHex(_ value: UInt64, digits: Int, to out: inout [UInt8]) {
    for shift in stride(from: (digits - 1) * 4, through: 0, by: -4) {
      out.append(IDFactory.hexDigits[Int((value >> UInt64(shift)) & 0xF)])
    }
  }

  /// The millisecond a time-ordered id was minted at (inverse of the prefix encoding), or `nil`.
  public static func timestamp(ofTimeOrdered id: String, prefix: String) -> Timestamp? {
    guard id.hasPrefix(prefix) else { return nil }
    let body = id.dropFirst(prefix.count)
    guard body.count == 18, let ticks = UInt64(body.prefix(11), radix: 16) else { return nil }
    return Timestamp(milliseconds: Int64(ticks / 4) + timeEpochMilliseconds)
  }
}
