import Foundation
import SendoutCore

/// The files `sendout load` writes about a run (`--report FILE.html`, `--save-result FILE.json`), and the report it
/// draws from saved results without running (`sendout load --report out.html run1.json run2.json`).
public enum LoadReportFiles {
  /// Writes the HTML report and/or the saved result of one run.
  static func write(_ reportPath: String?, _ resultPath: String?, _ result: LoadResult, report: LoadReport)
    throws(SessionError)
  {
    if let path = resultPath {
      try save(result.json(report: report.json).prettyString + "\n", to: path, what: "the result")
    }
    if let path = reportPath { try save(LoadReportPage.html([result]), to: path, what: "the HTML report") }
  }

  /// Whether `arguments` name saved results to draw rather than a run: every one ends in `.json`.
  public static func areResults(_ arguments: [String]) -> Bool {
    !arguments.isEmpty && arguments.allSatisfy { $0.lowercased().hasSuffix(".json") }
  }

  /// Reads the saved results at `paths` (1 to `LoadReportPage.maxRuns`) and writes their overlaid report to
  /// `reportPath`; returns the line to print.
  public static func render(_ paths: [String], to reportPath: String) throws(SessionError) -> String {
    guard paths.count <= LoadReportPage.maxRuns else {
      throw .usage("--report overlays at most \(LoadReportPage.maxRuns) runs, got \(paths.count) result files")
    }
    var runs: [LoadResult] = []
    for path in paths {
      guard let data = FileManager.default.contents(atPath: path) else {
        throw .badInput("\(path): cannot read the result (write one with 'sendout load … --save-result \(path)')")
      }
      let label = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
      do {
        let json = try JSONParser.parse(Array(data))
        runs.append(try LoadResult(json: json, label: label))
      } catch let error as JSONParseError {
        throw .badInput("\(path):\(error.description)")
      } catch let error as LoadResult.FormatError {
        throw .badInput("\(path): \(error.message)")
      } catch { throw .badInput("\(path): \(error)") }
    }
    try save(LoadReportPage.html(runs), to: reportPath, what: "the HTML report")
    return "Wrote \(reportPath) (\(runs.count) run\(runs.count == 1 ? "" : "s") overlaid: "
      + runs.map(\.meta.label).joined(separator: ", ") + ")"
  }

  private static func save(_ text: String, to path: String, what: String) throws(SessionError) {
    do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
      throw .badInput("\(path): cannot write \(what): \(error.localizedDescription)")
    }
  }
}
