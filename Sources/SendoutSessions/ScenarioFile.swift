import Foundation
import SendoutCore

/// Reads a scenario file (`run`, `validate`, `load --scenario`), every problem a `badInput` with the file
/// and the position or field path. `${ENV}` references take the process environment.
enum ScenarioFile {
  static func load(_ path: String) throws(SessionError) -> Scenario {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .badInput("\(path): cannot read the file (does it exist?)")
    }
    let loader = ScenarioLoader(file: path, environment: ProcessInfo.processInfo.environment)
    do { return try loader.load(Array(data)) } catch { throw .badInput(error.description) }
  }
}
