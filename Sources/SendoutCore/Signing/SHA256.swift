import CSHA256Accel

/// SHA-256 (FIPS 180-4), written once here because the toolchain has no portable crypto.
/// Tested against the NIST example vectors. On x86 CPUs with the SHA extensions the block compression
/// runs in `CSHA256Accel` (our own C, a few times faster); the Swift loop is the portable path, and the
/// two are tested against each other.
public struct SHA256: Sendable {
  /// The round constants, from `CSHA256Accel` (one table for both paths).
  private static let k: [UInt32] = withUnsafeBytes(of: sendout_sha256_k) { Array($0.bindMemory(to: UInt32.self)) }

  /// The eight working words of the hash.
  typealias State = (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)
  /// The initial hash value (FIPS 180-4 §5.3.3).
  static let initialState: State = (
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
  )

  private var state = SHA256.initialState
  private var buffer: [UInt8] = []
  private var length: UInt64 = 0
  private let accelerated: Bool

  /// Whether this CPU has the x86 SHA extensions the accelerated path uses.
  public static let hardwareAvailable = sendout_sha256_ni_available() == 1

  /// A fresh hash state; `portable: true` forces the Swift compression loop (for tests and comparisons).
  public init(portable: Bool = false) {
    accelerated = !portable && SHA256.hardwareAvailable
    buffer.reserveCapacity(64)
  }

  /// The digest of `bytes` in one call.
  public static func hash(_ bytes: some Sequence<UInt8>) -> [UInt8] {
    var h = SHA256()
    h.update(bytes)
    return h.finalize()
  }

  /// Feeds more input.
  public mutating func update(_ bytes: some Sequence<UInt8>) { update(Array(bytes)) }

  /// Feeds a contiguous buffer, compressing whole blocks without copying them.
  public mutating func update(_ bytes: [UInt8]) {
    length &+= UInt64(bytes.count)
    var i = 0
    if !buffer.isEmpty {
      while i < bytes.count && buffer.count < 64 {
        buffer.append(bytes[i])
        i += 1
      }
      if buffer.count == 64 {
        compress(buffer)
        buffer.removeAll(keepingCapacity: true)
      }
    }
    let whole = (bytes.count - i) / 64
    if whole > 0 {
      bytes.withUnsafeBytes { raw in
        guard let base = raw.baseAddress else { return }
        compress(base + i, blocks: whole)
      }
      i += whole * 64
    }
    if i < bytes.count { buffer.append(contentsOf: bytes[i...]) }
  }

  /// The 32-byte digest; the state is consumed.
  public mutating func finalize() -> [UInt8] {
    let bitLength = length &* 8
    var tail = buffer
    tail.append(0x80)
    while tail.count % 64 != 56 { tail.append(0) }
    for shift in stride(from: 56, through: 0, by: -8) {
      tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
    }
    compress(tail)
    let words = [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7]
    var out: [UInt8] = []
    out.reserveCapacity(32)
    for word in words {
      out.append(UInt8(truncatingIfNeeded: word >> 24))
      out.append(UInt8(truncatingIfNeeded: word >> 16))
      out.append(UInt8(truncatingIfNeeded: word >> 8))
      out.append(UInt8(truncatingIfNeeded: word))
    }
    return out
  }

  /// Compresses `blocks` consecutive 64-byte blocks starting at `p`: one pass over raw memory, with the
  /// message schedule in a stack buffer (no allocation per block).
  private mutating func compress(_ p: UnsafeRawPointer, blocks: Int) {
    SHA256.compress(&state, p, blocks: blocks, accelerated: accelerated)
  }

  /// Compresses `blocks` 64-byte blocks at `p` into `state`, with the SHA extensions when `accelerated`.
  static func compress(_ state: inout State, _ p: UnsafeRawPointer, blocks: Int, accelerated: Bool) {
    if accelerated {
      withUnsafeMutableBytes(of: &state) { words in
        guard let base = words.baseAddress else { return }
        sendout_sha256_compress_ni(
          base.assumingMemoryBound(to: UInt32.self), p.assumingMemoryBound(to: UInt8.self), blocks)
      }
      return
    }
    SHA256.k.withUnsafeBufferPointer { k in
      withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
        var (h0, h1, h2, h3, h4, h5, h6, h7) = state
        for block in 0..<blocks {
          let base = p + block * 64
          for t in 0..<16 { w[t] = UInt32(bigEndian: base.loadUnaligned(fromByteOffset: t * 4, as: UInt32.self)) }
          for t in 16..<64 {
            let s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3)
            let s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10)
            w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
          }
          var (a, b, c, d, e, f, g, h) = (h0, h1, h2, h3, h4, h5, h6, h7)
          for t in 0..<64 {
            let t1 = h &+ (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) &+ ((e & f) ^ (~e & g)) &+ k[t] &+ w[t]
            let t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) &+ ((a & b) ^ (a & c) ^ (b & c))
            h = g
            g = f
            f = e
            e = d &+ t1
            d = c
            c = b
            b = a
            a = t1 &+ t2
          }
          h0 &+= a
          h1 &+= b
          h2 &+= c
          h3 &+= d
          h4 &+= e
          h5 &+= f
          h6 &+= g
          h7 &+= h
        }
        state = (h0, h1, h2, h3, h4, h5, h6, h7)
      }
    }
  }

  private mutating func compress(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { raw in
      guard let base = raw.baseAddress else { return }
      compress(base, blocks: bytes.count / 64)
    }
  }

  @inline(__always) private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
}
