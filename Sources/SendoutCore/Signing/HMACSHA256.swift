/// HMAC-SHA256 (RFC 2104), tested against RFC 4231 and Voucherify's documented vectors.
/// The key schedule is computed once (the hash states after the inner and outer pad blocks), so signing a body
/// costs the compressions of the body and one more block, with no allocation but the result.
public struct HMACSHA256: Sendable {
  private let innerState: SHA256.State
  private let outerState: SHA256.State
  private let accelerated = SHA256.hardwareAvailable

  /// Prepares a signer for `key` (Voucherify uses the secret's UTF-8 bytes as-is).
  public init(key: [UInt8]) {
    var block = key.count > 64 ? SHA256.hash(key) : key
    block += [UInt8](repeating: 0, count: 64 - block.count)
    innerState = HMACSHA256.padState(block.map { $0 ^ 0x36 }, accelerated: accelerated)
    outerState = HMACSHA256.padState(block.map { $0 ^ 0x5c }, accelerated: accelerated)
  }

  /// Prepares a signer for a UTF-8 secret.
  public init(secret: String) { self.init(key: Array(secret.utf8)) }

  private static func padState(_ pad: [UInt8], accelerated: Bool) -> SHA256.State {
    var state = SHA256.initialState
    pad.withUnsafeBytes { raw in
      guard let base = raw.baseAddress else { return }
      SHA256.compress(&state, base, blocks: 1, accelerated: accelerated)
    }
    return state
  }

  /// The 32-byte MAC of `message`.
  public func mac(_ message: [UInt8]) -> [UInt8] {
    message.withUnsafeBytes { m in withMAC(m) { Array($0) } }
  }

  /// The MAC as lowercase hex.
  public func hexMAC(_ message: [UInt8]) -> String {
    message.withUnsafeBytes { m in
      String(unsafeUninitializedCapacity: 64) { hex in
        writeHexMAC(m, into: hex)
        return 64
      }
    }
  }

  /// Writes the MAC of `message` as 64 lowercase hex digits at `hex`, allocating nothing.
  public func writeHexMAC(_ message: UnsafeRawBufferPointer, into hex: UnsafeMutableBufferPointer<UInt8>) {
    precondition(hex.count >= 64)
    withMAC(message) { Hex.write($0, into: hex) }
  }

  /// Calls `body` with the 32-byte MAC of `message`, held on the stack.
  private func withMAC<R>(_ message: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) -> R) -> R {
    withUnsafeTemporaryAllocation(byteCount: 32, alignment: 8) { digest in
      let inner = SHA256.state(resuming: innerState, prefixLength: 64, message, accelerated: accelerated)
      SHA256.store(inner, into: digest)
      let outer = SHA256.state(
        resuming: outerState, prefixLength: 64, UnsafeRawBufferPointer(digest), accelerated: accelerated)
      SHA256.store(outer, into: digest)
      return body(UnsafeRawBufferPointer(digest))
    }
  }
}

/// Lowercase hexadecimal encoding.
public enum Hex {
  private static let digits: StaticString = "0123456789abcdef"

  /// `[0xde, 0xad]` → `"dead"`.
  public static func encode(_ bytes: [UInt8]) -> String {
    bytes.withUnsafeBytes { raw in
      String(unsafeUninitializedCapacity: raw.count * 2) { out in
        write(raw, into: out)
        return raw.count * 2
      }
    }
  }

  /// Writes two lowercase hex digits per byte of `bytes` at `out`.
  static func write(_ bytes: UnsafeRawBufferPointer, into out: UnsafeMutableBufferPointer<UInt8>) {
    for (i, byte) in bytes.enumerated() {
      out[2 * i] = digits.utf8Start[Int(byte >> 4)]
      out[2 * i + 1] = digits.utf8Start[Int(byte & 0xF)]
    }
  }
}
