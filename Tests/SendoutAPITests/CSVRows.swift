/// A small RFC 4180 reader for the export tests: records of cells, quoted cells unquoted (`""` → `"`), CRLF or LF
/// between records. Tests only; it trusts its input.
enum CSVRows {
  /// The records of `text`.
  static func parse(_ text: String) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var cell = ""
    var quoted = false
    var scalars = text.unicodeScalars.makeIterator()
    var pending: Unicode.Scalar? = nil
    while let c = pending ?? scalars.next() {
      pending = nil
      if quoted {
        if c == "\"" {
          let next = scalars.next()
          if next == "\"" { cell.unicodeScalars.append("\"") } else { quoted = false; pending = next }
        } else {
          cell.unicodeScalars.append(c)
        }
      } else if c == "\"" {
        quoted = true
      } else if c == "," {
        record.append(cell)
        cell = ""
      } else if c == "\n" {
        record.append(cell)
        records.append(record)
        (record, cell) = ([], "")
      } else if c != "\r" {
        cell.unicodeScalars.append(c)
      }
    }
    if !cell.isEmpty || !record.isEmpty { records.append(record + [cell]) }
    return records
  }
}
