/// Writes `JSON` as bytes identical to JavaScript's `JSON.stringify` (compact) or
/// `JSON.stringify(value, null, 2)` (pretty): no `\/`, the same escapes, UTF-8, integers without a point.
/// The compact writer (the hot path of every rendered body) walks the tree through borrowed buffers into a
/// `ByteBuffer`. Its functions only read the tree, and say so with `@_effects(releasenone)`: that lets the optimizer
/// drop the retain/release pair it otherwise puts around every string and nested object (a third of the time).
public struct JSONWriter: Sendable {
  /// Whether to indent with two spaces, as `JSON.stringify(v, null, 2)` does.
  public var pretty: Bool

  /// Creates a writer.
  public init(pretty: Bool = false) { self.pretty = pretty }

  /// The encoded bytes of `value`.
  public func bytes(_ value: JSON) -> [UInt8] {
    ByteBuffer.with(capacity: 4096) { out in
      write(value, into: &out)
      return out.array
    }
  }

  /// The encoded text of `value`.
  public func string(_ value: JSON) -> String { String(decoding: bytes(value), as: UTF8.self) }

  /// Appends the encoding of `value` to `out`.
  public func write(_ value: JSON, into out: inout [UInt8]) { out.append(contentsOf: bytes(value)) }

  /// Appends the encoding of `value` to `out`.
  func write(_ value: JSON, into out: inout ByteBuffer) {
    if pretty { writePretty(value, indent: 0, into: &out) } else { JSONWriter.writeCompact(value, into: &out) }
  }

  /// Appends the compact encoding of `value`.
  @_effects(releasenone) static func writeCompact(_ value: borrowing JSON, into out: inout ByteBuffer) {
    switch value {
    case .object(let object): writeObject(object, into: &out)
    case .array(let elements):
      out.append(UInt8(ascii: "["))
      elements.withUnsafeBufferPointer { elements in
        for i in elements.indices {
          if i > 0 { out.append(UInt8(ascii: ",")) }
          writeCompact(elements[i], into: &out)
        }
      }
      out.append(UInt8(ascii: "]"))
    default: writeScalar(value, into: &out)
    }
  }

  /// Appends the compact encoding of `object`.
  @_effects(releasenone) static func writeObject(_ object: borrowing JSONObject, into out: inout ByteBuffer) {
    out.append(UInt8(ascii: "{"))
    object.members.withUnsafeBufferPointer { members in
      for i in members.indices {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        writeString(members[i].key, into: &out)
        out.append(UInt8(ascii: ":"))
        writeCompact(members[i].value, into: &out)
      }
    }
    out.append(UInt8(ascii: "}"))
  }

  private func writePretty(_ value: JSON, indent: Int, into out: inout ByteBuffer) {
    switch value {
    case .object(let object) where object.count > 0:
      out.append(UInt8(ascii: "{"))
      for (i, member) in object.members.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        newline(indent + 1, into: &out)
        JSONWriter.writeString(member.key, into: &out)
        out.append(": ")
        writePretty(member.value, indent: indent + 1, into: &out)
      }
      newline(indent, into: &out)
      out.append(UInt8(ascii: "}"))
    case .array(let elements) where !elements.isEmpty:
      out.append(UInt8(ascii: "["))
      for (i, element) in elements.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        newline(indent + 1, into: &out)
        writePretty(element, indent: indent + 1, into: &out)
      }
      newline(indent, into: &out)
      out.append(UInt8(ascii: "]"))
    default:
      JSONWriter.writeCompact(value, into: &out)
    }
  }

  private func newline(_ indent: Int, into out: inout ByteBuffer) {
    let p = out.reserve(1 + indent * 2)
    p.pointee = UInt8(ascii: "\n")
    (p + 1).initialize(repeating: UInt8(ascii: " "), count: indent * 2)
    out.advance(1 + indent * 2)
  }

  private static func writeScalar(_ value: borrowing JSON, into out: inout ByteBuffer) {
    switch value {
    case .null: out.append("null")
    case .bool(let b): out.append(b ? "true" : "false")
    case .int(let i): out.appendDecimal(i)
    case .double(let d): writeUTF8(JSONNumberFormat.javaScript(d), into: &out)
    case .string(let s): writeString(s, into: &out)
    case .array, .object: preconditionFailure("not a scalar")
    }
  }

  /// Appends the UTF-8 bytes of `s` as they are.
  static func writeUTF8(_ s: String, into out: inout ByteBuffer) {
    if s.utf8.withContiguousStorageIfAvailable({ out.append(UnsafeRawBufferPointer($0)) }) == nil {
      out.append(Array(s.utf8))
    }
  }

  /// Appends `s` as a quoted JSON string with `JSON.stringify`'s escapes.
  @_effects(releasenone) static func writeString(_ s: borrowing String, into out: inout ByteBuffer) {
    if s.utf8.withContiguousStorageIfAvailable({ writeQuoted($0, into: &out) }) == nil {
      Array(s.utf8).withUnsafeBufferPointer { writeQuoted($0, into: &out) }
    }
  }

  /// Appends UTF-8 `bytes` as a quoted JSON string: one copy when nothing needs escaping (checked eight bytes
  /// at a time), else the escaping loop.
  @_effects(releasenone) static func writeQuoted(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout ByteBuffer) {
    let n = bytes.count
    if n >= 4 && n <= 16, let source = bytes.baseAddress, writeShortPlain(UnsafeRawPointer(source), n, into: &out) {
      return
    }
    if let source = bytes.baseAddress, !JSONEscaping.needed(source, count: n) {
      let p = out.reserve(n + 2)
      p.pointee = UInt8(ascii: "\"")
      (p + 1).update(from: source, count: n)
      p[n + 1] = UInt8(ascii: "\"")
      out.advance(n + 2)
      return
    }
    out.append(UInt8(ascii: "\""))
    JSONEscaping.writeEscaped(bytes, into: &out)
    out.append(UInt8(ascii: "\""))
  }

  /// Appends 4 to 16 bytes at `source` quoted when none needs escaping, and returns true; else writes nothing and
  /// returns false. Most keys and values are this short: two overlapping loads are both tested and stored, instead
  /// of a test pass and a `memmove` call.
  @inline(__always) private static func writeShortPlain(
    _ source: UnsafeRawPointer, _ n: Int, into out: inout ByteBuffer
  ) -> Bool {
    let p = out.reserve(n + 2)
    let body = UnsafeMutableRawPointer(p + 1)
    if n >= 8 {
      let head = source.loadUnaligned(as: UInt64.self)
      let tail = source.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
      guard !JSONEscaping.special(head) && !JSONEscaping.special(tail) else { return false }
      body.storeBytes(of: head, as: UInt64.self)
      body.storeBytes(of: tail, toByteOffset: n - 8, as: UInt64.self)
    } else {
      let head = source.loadUnaligned(as: UInt32.self)
      let tail = source.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
      guard !JSONEscaping.special(UInt64(head) | UInt64(tail) << 32) else { return false }
      body.storeBytes(of: head, as: UInt32.self)
      body.storeBytes(of: tail, toByteOffset: n - 4, as: UInt32.self)
    }
    p.pointee = UInt8(ascii: "\"")
    p[n + 1] = UInt8(ascii: "\"")
    out.advance(n + 2)
    return true
  }
}

extension JSON {
  /// The compact encoding, byte-identical to `JSON.stringify`.
  public var compactBytes: [UInt8] { JSONWriter().bytes(self) }
  /// The compact encoding as text.
  public var compactString: String { JSONWriter().string(self) }
  /// The two-space indented encoding, as `JSON.stringify(v, null, 2)`.
  public var prettyString: String { JSONWriter(pretty: true).string(self) }
}
