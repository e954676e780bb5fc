/// CSV text as RFC 4180 writes it: every record ends with CRLF, and a cell holding a comma, a double quote, CR or LF
/// is quoted with its quotes doubled. A text cell a spreadsheet would run as a formula (one starting with `=`, `+`,
/// `-`, `@`, a tab or CR: OWASP's CSV-injection list) gets a leading `'`, so the file opens as data; a plain number
/// (`-500`, `+1.5`) is left as it is. Voucherify documents no such guard; this is Sendout's choice.
public enum CSVWriter {
  /// A file: the header record, then one record per row.
  public static func file(header: [String], rows: [[String]]) -> String {
    var text = record(header)
    for row in rows { text += record(row) }
    return text
  }

  /// One record, ended by CRLF.
  public static func record(_ cells: [String]) -> String {
    cells.map(cell).joined(separator: ",") + "\r\n"
  }

  /// One cell, guarded against formulas and quoted when it must be.
  public static func cell(_ value: String) -> String {
    let text = isFormula(value) ? "'" + value : value
    guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }) else {
      return text
    }
    var quoted = "\""
    for scalar in text.unicodeScalars {
      if scalar == "\"" { quoted += "\"" }
      quoted.unicodeScalars.append(scalar)
    }
    return quoted + "\""
  }

  /// Whether a spreadsheet would read `value` as a formula: it starts with `=`, `+`, `-`, `@`, a tab or CR and is no
  /// plain decimal number.
  static func isFormula(_ value: String) -> Bool {
    guard let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return false }
    return !isNumber(value)
  }

  /// Whether `value` is a signed decimal number: `[+-]?digits[.digits]`.
  private static func isNumber(_ value: String) -> Bool {
    var scalars = Substring(value).unicodeScalars
    if let sign = scalars.first, sign == "+" || sign == "-" { scalars = scalars.dropFirst() }
    let parts = scalars.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count) else { return false }
    return parts.allSatisfy { part in !part.isEmpty && part.allSatisfy { ("0"..."9").contains($0) } }
  }
}
