extension SHA256 {
  /// The final state for a message whose first `prefixLength` bytes (whole blocks) are already compressed into
  /// `state`, followed by `message`: whole blocks straight from `message`, the padded tail on the stack. No
  /// allocation, so signing costs only the compressions.
  static func state(
    resuming state: State, prefixLength: Int, _ message: UnsafeRawBufferPointer, accelerated: Bool
  ) -> State {
    var state = state
    let whole = message.count / 64
    if whole > 0, let base = message.baseAddress { compress(&state, base, blocks: whole, accelerated: accelerated) }
    let rest = message.count - whole * 64
    let bitLength = UInt64(prefixLength + message.count) &* 8
    withUnsafeTemporaryAllocation(byteCount: 128, alignment: 8) { tail in
      guard let p = tail.baseAddress else { return }
      p.initializeMemory(as: UInt8.self, repeating: 0, count: 128)
      if rest > 0, let base = message.baseAddress { p.copyMemory(from: base + whole * 64, byteCount: rest) }
      p.storeBytes(of: 0x80, toByteOffset: rest, as: UInt8.self)
      let blocks = rest < 56 ? 1 : 2
      p.storeBytes(of: bitLength.bigEndian, toByteOffset: blocks * 64 - 8, as: UInt64.self)
      compress(&state, p, blocks: blocks, accelerated: accelerated)
    }
    return state
  }

  /// Writes the digest of a final `state` (32 big-endian bytes) at the start of `p`.
  static func store(_ state: State, into p: UnsafeMutableRawBufferPointer) {
    withUnsafeBytes(of: state) { words in
      for i in 0..<8 {
        p.storeBytes(
          of: words.load(fromByteOffset: i * 4, as: UInt32.self).bigEndian, toByteOffset: i * 4, as: UInt32.self)
      }
    }
  }
}
