/// Parses JSON Lines audit-log bytes. A last line without its newline that does not parse is the
/// remains of a crash mid-write: it is skipped with a warning. Any other bad line is an error.
public enum AuditLogParser {
  /// The records in `bytes`; `path` is only used in messages.
  public static func parse(_ bytes: [UInt8], path: String) throws(AuditLogError) -> AuditLogContents {
    var contents = AuditLogContents()
    var lineNumber = 0
    var start = 0
    while start < bytes.count {
      lineNumber += 1
      let newline = bytes[start...].firstIndex(of: 0x0A)
      let end = newline ?? bytes.count
      let line = Array(bytes[start..<end])
      start = end + 1
      if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
      do {
        let json = try JSONParser.parse(line)
        if LoadAuditLine.isLoadLine(json) {
          contents.loadLines.append(try LoadAuditLine(json: json))
        } else {
          contents.records.append(try AuditRecord(json: json))
        }
      } catch let error as JSONParseError {
        guard newline == nil else { throw .malformedLine(path: path, line: lineNumber, reason: error.description) }
        contents.warnings.append(
          "Audit log '\(path)': skipped a partial last line (line \(lineNumber), \(line.count) bytes), probably cut off by a crash"
        )
      } catch let error as AuditLogError.Field {
        throw .malformedLine(path: path, line: lineNumber, reason: "field '\(error.key)' must be \(error.expected)")
      } catch let error as LoadAuditLine.FieldError {
        throw .malformedLine(path: path, line: lineNumber, reason: "field '\(error.key)' must be \(error.expected)")
      } catch {
        throw .malformedLine(path: path, line: lineNumber, reason: "\(error)")
      }
    }
    return contents
  }
}
