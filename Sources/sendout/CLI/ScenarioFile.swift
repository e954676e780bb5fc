import Foundation
import SendoutCore

/// Reads a scenario file for `run` and `validate`, mapping every problem to exit 65 with file and position.
enum ScenarioFile {
  static func load(_ path: String) throws(CLIError) -> Scenario {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .badInput("\(path): cannot read the file (does it exist?)")
    }
    let loader = ScenarioLoader(file: path, environment: ProcessInfo.processInfo.environment)
    do { return try loader.load(Array(data)) } catch { throw .badInput(error.description) }
  }
}
