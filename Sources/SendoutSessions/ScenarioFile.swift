import Foundation
import SendoutCore

/// Reads a scenario file (`run`, `validate`, `load --scenario`), every problem a `badInput` with the file
/// and the position or field path. `${ENV}` references take the process environment.
enum ScenarioFile {
  static func load(_ path: String) throws(SessionError) -> Scenario {
    let bytes = try read(path)
    do { return try loader(path).load(bytes) } catch { throw .badInput(error.description) }
  }

  /// The file's bytes; a file that cannot be read is `badInput`, suggesting the file `path` may have meant.
  static func read(_ path: String) throws(SessionError) -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
      let hint = suggestion(for: path).map { "; did you mean '\(TerminalText.escape($0))'?" } ?? ""
      throw .badInput("\(TerminalText.escape(path)): cannot read the file (does it exist?)\(hint)")
    }
    return Array(data)
  }

  /// The loader for the file at `path`, with the process environment.
  static func loader(_ path: String) -> ScenarioLoader {
    ScenarioLoader(file: path, environment: ProcessInfo.processInfo.environment)
  }

  /// An existing file `path` may have meant: `path.json`, `Scenarios/path` or `Scenarios/path.json`
  /// (`run spring-discounts`), or `nil`.
  static func suggestion(for path: String) -> String? {
    let named = path.hasSuffix(".json") ? [path] : [path + ".json", path]
    let candidates = named.filter { $0 != path } + (path.hasPrefix("/") ? [] : named.map { "Scenarios/" + $0 })
    return candidates.first { FileManager.default.fileExists(atPath: $0) }
  }
}
