/// Writes `JSON` as bytes identical to JavaScript's `JSON.stringify` (compact) or
/// `JSON.stringify(value, null, 2)` (pretty): no `\/`, the same escapes, UTF-8, integers without a point.
public struct JSONWriter: Sendable {
  /// Whether to indent with two spaces, as `JSON.stringify(v, null, 2)` does.
  public var pretty: Bool

  /// Creates a writer.
  public init(pretty: Bool = false) { self.pretty = pretty }

  /// The encoded bytes of `value`.
  public func bytes(_ value: JSON) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(8192)
    write(value, into: &out)
    return out
  }

  /// The encoded text of `value`.
  public func string(_ value: JSON) -> String { String(decoding: bytes(value), as: UTF8.self) }

  /// Appends the encoding of `value` to `out`.
  public func write(_ value: JSON, into out: inout [UInt8]) {
    if pretty { writePretty(value, indent: 0, into: &out) } else { writeCompact(value, into: &out) }
  }

  private func writeCompact(_ value: JSON, into out: inout [UInt8]) {
    switch value {
    case .object(let object):
      out.append(UInt8(ascii: "{"))
      var first = true
      for member in object.members {
        if !first { out.append(UInt8(ascii: ",")) }
        first = false
        JSONWriter.writeString(member.key, into: &out)
        out.append(UInt8(ascii: ":"))
        writeCompact(member.value, into: &out)
      }
      out.append(UInt8(ascii: "}"))
    case .array(let elements):
      out.append(UInt8(ascii: "["))
      for (i, element) in elements.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        writeCompact(element, into: &out)
      }
      out.append(UInt8(ascii: "]"))
    default:
      JSONWriter.writeScalar(value, into: &out)
    }
  }

  private func writePretty(_ value: JSON, indent: Int, into out: inout [UInt8]) {
    switch value {
    case .object(let object) where object.count > 0:
      out.append(UInt8(ascii: "{"))
      for (i, member) in object.members.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        newline(indent + 1, into: &out)
        JSONWriter.writeString(member.key, into: &out)
        out.append(contentsOf: [UInt8(ascii: ":"), UInt8(ascii: " ")])
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
      writeCompact(value, into: &out)
    }
  }

  private func newline(_ indent: Int, into out: inout [UInt8]) {
    out.append(UInt8(ascii: "\n"))
    out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
  }

  static func writeScalar(_ value: JSON, into out: inout [UInt8]) {
    switch value {
    case .null: out.append(contentsOf: "null".utf8)
    case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
    case .int(let i): out.append(contentsOf: String(i).utf8)
    case .double(let d): out.append(contentsOf: JSONNumberFormat.javaScript(d).utf8)
    case .string(let s): writeString(s, into: &out)
    case .array, .object: preconditionFailure("not a scalar")
    }
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  /// Appends `s` as a quoted JSON string with `JSON.stringify`'s escapes.
  static func writeString(_ s: String, into out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    var s = s
    s.withUTF8 { buffer in
      var runStart = 0
      for (i, byte) in buffer.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
        if runStart < i { out.append(contentsOf: buffer[runStart..<i]) }
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
          out.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]])
        }
      }
      if runStart < buffer.count { out.append(contentsOf: buffer[runStart...]) }
    }
    out.append(UInt8(ascii: "\""))
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
