/// A growable byte buffer written through a raw pointer, for the hot writers (JSON, envelopes): no uniqueness
/// check or bounds check per byte as with `[UInt8]`. Made and freed only by `ByteBuffer.with`, so the memory
/// never outlives the call.
struct ByteBuffer {
  private(set) var base: UnsafeMutablePointer<UInt8>
  /// The bytes written so far.
  private(set) var count = 0
  private var capacity: Int

  private init(capacity: Int) {
    self.capacity = max(capacity, 64)
    base = .allocate(capacity: self.capacity)
  }

  /// Runs `body` with an empty buffer of `capacity` bytes (it grows as needed) and frees it afterwards.
  static func with<R>(capacity: Int, _ body: (inout ByteBuffer) throws -> R) rethrows -> R {
    var buffer = ByteBuffer(capacity: capacity)
    defer { buffer.base.deallocate() }
    return try body(&buffer)
  }

  /// The bytes written, as an array.
  var array: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

  /// Makes room for `extra` more bytes; returns where they go.
  @inline(__always) mutating func reserve(_ extra: Int) -> UnsafeMutablePointer<UInt8> {
    if _slowPath(count + extra > capacity) { grow(to: count + extra) }
    return base + count
  }

  /// Marks `n` bytes after `count`, written through `reserve`'s pointer, as written.
  @inline(__always) mutating func advance(_ n: Int) { count += n }

  /// Releases no object (raw memory only), which keeps the writers' tree walk free of retains.
  @_effects(releasenone) private mutating func grow(to needed: Int) {
    var newCapacity = capacity * 2
    while newCapacity < needed { newCapacity *= 2 }
    let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    newBase.update(from: base, count: count)
    base.deallocate()
    base = newBase
    capacity = newCapacity
  }

  /// Appends one byte.
  @inline(__always) mutating func append(_ byte: UInt8) {
    reserve(1).pointee = byte
    count += 1
  }

  /// Appends raw bytes.
  @inline(__always) mutating func append(_ bytes: UnsafeRawBufferPointer) {
    guard let source = bytes.baseAddress, bytes.count > 0 else { return }
    UnsafeMutableRawPointer(reserve(bytes.count)).copyMemory(from: source, byteCount: bytes.count)
    count += bytes.count
  }

  /// Appends the bytes of an array.
  mutating func append(_ bytes: [UInt8]) { bytes.withUnsafeBytes { append($0) } }

  /// Appends a literal's UTF-8 bytes (key literals cost a copy, no scan).
  @inline(__always) mutating func append(_ literal: StaticString) {
    append(UnsafeRawBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
  }

  /// Appends `value` in decimal, as `String(value)` writes it.
  mutating func appendDecimal(_ value: Int) {
    var magnitude = value.magnitude
    var digits = 1
    var rest = magnitude
    while rest >= 10 {
      rest /= 10
      digits += 1
    }
    let sign = value < 0 ? 1 : 0
    let p = reserve(digits + sign)
    if sign == 1 { p.pointee = UInt8(ascii: "-") }
    var i = sign + digits
    repeat {
      i -= 1
      p[i] = UInt8(truncatingIfNeeded: magnitude % 10) &+ 0x30
      magnitude /= 10
    } while magnitude > 0
    count += digits + sign
  }
}
