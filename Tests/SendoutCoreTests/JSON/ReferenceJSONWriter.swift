import SendoutCore

/// The compact and pretty writers as they were before the byte-buffer writer (commit bd75bb4), a plain walk over
/// the public tree: the oracle the fast writer and the direct envelope writer are compared with.
enum ReferenceJSONWriter {
  static func compact(_ value: JSON) -> [UInt8] {
    var out: [UInt8] = []
    writeCompact(value, into: &out)
    return out
  }

  static func pretty(_ value: JSON) -> [UInt8] {
    var out: [UInt8] = []
    writePretty(value, indent: 0, into: &out)
    return out
  }

  private static func writeCompact(_ value: JSON, into out: inout [UInt8]) {
    switch value {
    case .object(let object):
      out.append(UInt8(ascii: "{"))
      for (i, member) in object.members.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        writeString(member.key, into: &out)
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
    case .null: out.append(contentsOf: "null".utf8)
    case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
    case .int(let i): out.append(contentsOf: String(i).utf8)
    case .double: out.append(contentsOf: JSONWriter().bytes(value))  // numbers: the vectors test covers them
    case .string(let s): writeString(s, into: &out)
    }
  }

  private static func writePretty(_ value: JSON, indent: Int, into out: inout [UInt8]) {
    let newline = { (indent: Int, out: inout [UInt8]) in
      out.append(UInt8(ascii: "\n"))
      out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
    }
    switch value {
    case .object(let object) where object.count > 0:
      out.append(UInt8(ascii: "{"))
      for (i, member) in object.members.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        newline(indent + 1, &out)
        writeString(member.key, into: &out)
        out.append(contentsOf: ": ".utf8)
        writePretty(member.value, indent: indent + 1, into: &out)
      }
      newline(indent, &out)
      out.append(UInt8(ascii: "}"))
    case .array(let elements) where !elements.isEmpty:
      out.append(UInt8(ascii: "["))
      for (i, element) in elements.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        newline(indent + 1, &out)
        writePretty(element, indent: indent + 1, into: &out)
      }
      newline(indent, &out)
      out.append(UInt8(ascii: "]"))
    default:
      writeCompact(value, into: &out)
    }
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  private static func writeString(_ s: String, into out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    for byte in s.utf8 {
      switch byte {
      case 0x22: out.append(contentsOf: [0x5C, 0x22])
      case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
      case 0x08: out.append(contentsOf: Array(#"\b"#.utf8))
      case 0x0C: out.append(contentsOf: Array(#"\f"#.utf8))
      case 0x0A: out.append(contentsOf: Array(#"\n"#.utf8))
      case 0x0D: out.append(contentsOf: Array(#"\r"#.utf8))
      case 0x09: out.append(contentsOf: Array(#"\t"#.utf8))
      case ..<0x20:
        out.append(contentsOf: Array(#"\u00"#.utf8) + [hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]])
      default: out.append(byte)
      }
    }
    out.append(UInt8(ascii: "\""))
  }
}
