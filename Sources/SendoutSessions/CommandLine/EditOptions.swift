import SendoutCore

/// `--set PATH=VALUE`, `--unset PATH` (repeatable, applied in command-line order) and `--set-new`, for the
/// commands that send one body (`render`, `fire`).
public enum EditOptions {
  /// Parses the edits into `request`.
  public static func parse(_ arguments: inout Arguments, into request: inout SingleEventRequest) throws(CLIError) {
    request.createsMissingKeys = arguments.flag("--set-new")
    let options = try arguments.orderedOptions(["--set", "--unset"])
    do throws(JSONEditError) {
      request.edits = try options.map { (option) throws(JSONEditError) in
        option.name == "--set" ? try JSONEdit.parse(set: option.value) : try JSONEdit.parse(unset: option.value)
      }
    } catch {
      throw .usage(error.message)
    }
  }
}
