/// `JSON.stringify`'s string escapes: `\"`, `\\`, `\b \f \n \r \t` and `\u00XX` for the other control
/// characters; everything else (non-ASCII included) is written as its UTF-8 bytes.
enum JSONEscaping {
  /// Whether any of the `count` bytes at `p` must be escaped, tested eight at a time (a short string in one or two
  /// overlapping loads).
  @_effects(readonly) @inline(__always) static func needed(_ p: UnsafePointer<UInt8>, count: Int) -> Bool {
    let raw = UnsafeRawPointer(p)
    if count >= 8 {
      var i = 0
      while i + 8 < count {
        if special(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { return true }
        i += 8
      }
      return special(raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
    }
    if count >= 4 {
      let head = UInt64(raw.loadUnaligned(as: UInt32.self))
      let tail = UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
      return special(head | tail << 32)
    }
    guard count > 0 else { return false }
    // One to three bytes: first, middle and last, over spaces (which need no escape).
    let bytes = UInt64(p[0]) | UInt64(p[count / 2]) << 8 | UInt64(p[count - 1]) << 16
    return special(bytes | 0x2020_2020_2000_0000)
  }

  /// Whether a byte of `w` is below 0x20, `"` or `\` (exact as a whole: the classic has-less/has-zero tests).
  @inline(__always) static func special(_ w: UInt64) -> Bool {
    let control = (w &- 0x2020_2020_2020_2020) & ~w
    let q = w ^ 0x2222_2222_2222_2222
    let quote = (q &- 0x0101_0101_0101_0101) & ~q
    let b = w ^ 0x5C5C_5C5C_5C5C_5C5C
    let backslash = (b &- 0x0101_0101_0101_0101) & ~b
    return (control | quote | backslash) & 0x8080_8080_8080_8080 != 0
  }

  private static let hexDigits: StaticString = "0123456789abcdef"

  /// Appends `bytes` with every special byte escaped (no quotes).
  @_effects(releasenone) static func writeEscaped(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout ByteBuffer) {
    var runStart = 0
    for (i, byte) in bytes.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
      if runStart < i { out.append(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[runStart..<i]))) }
      runStart = i + 1
      out.append(UInt8(ascii: "\\"))
      switch byte {
      case 0x22: out.append(0x22)
      case 0x5C: out.append(0x5C)
      case 0x08: out.append(UInt8(ascii: "b"))
      case 0x0C: out.append(UInt8(ascii: "f"))
      case 0x0A: out.append(UInt8(ascii: "n"))
      case 0x0D: out.append(UInt8(ascii: "r"))
      case 0x09: out.append(UInt8(ascii: "t"))
      default:
        out.append("u00")
        out.append(hexDigits.utf8Start[Int(byte >> 4)])
        out.append(hexDigits.utf8Start[Int(byte & 0xF)])
      }
    }
    if runStart < bytes.count { out.append(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[runStart...]))) }
  }
}
