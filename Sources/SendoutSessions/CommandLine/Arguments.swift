import SendoutCore

/// Hand-written argument parsing: options are taken by name in any order, what is left is positional,
/// and anything unrecognised is a usage error that names it and lists what the command accepts.
public struct Arguments {
  private var items: [String]
  private var consumed: Set<Int> = []
  private var known: [String] = ["--help", "-h"]

  /// The arguments after the command's name.
  public init(_ argv: [String]) { items = argv }

  /// Takes the first argument when it is one of `names` (a subcommand such as `bench render`), else `nil`.
  public mutating func subcommand(_ names: [String]) -> String? {
    guard let first = items.first, !consumed.contains(0), names.contains(first) else { return nil }
    consumed.insert(0)
    return first
  }

  /// Whether `name` (or its alias) is present; a flag takes no value.
  public mutating func flag(_ name: String, alias: String? = nil) -> Bool {
    known.append(name)
    var found = false
    for (i, item) in items.enumerated() where !consumed.contains(i) && (item == name || item == alias) {
      consumed.insert(i)
      found = true
    }
    return found
  }

  /// The last value of `--name VALUE` or `--name=VALUE`, or `nil`.
  public mutating func option(_ name: String, alias: String? = nil) throws(CLIError) -> String? {
    try options(name, alias: alias).last
  }

  /// Every value of a repeatable option, in order.
  public mutating func options(_ name: String, alias: String? = nil) throws(CLIError) -> [String] {
    known.append(name)
    var values: [String] = []
    var i = 0
    while i < items.count {
      defer { i += 1 }
      guard !consumed.contains(i) else { continue }
      let item = items[i]
      if item == name || item == alias {
        guard i + 1 < items.count, !consumed.contains(i + 1) else {
          throw .usage("Option \(name) needs a value")
        }
        consumed.insert(i)
        consumed.insert(i + 1)
        values.append(items[i + 1])
        i += 1
      } else if item.hasPrefix(name + "=") {
        consumed.insert(i)
        values.append(String(item.dropFirst(name.count + 1)))
      }
    }
    return values
  }

  /// Every value of several repeatable options, with the option's name, in command-line order.
  public mutating func orderedOptions(_ names: [String]) throws(CLIError) -> [(name: String, value: String)] {
    var found: [(index: Int, name: String, value: String)] = []
    for name in names {
      let before = consumed
      let values = try options(name)
      let taken = consumed.subtracting(before).sorted().filter { items[$0] == name || items[$0].hasPrefix(name + "=") }
      for (index, value) in zip(taken, values) { found.append((index, name, value)) }
    }
    return found.sorted { $0.index < $1.index }.map { ($0.name, $0.value) }
  }

  /// `--port P` of a server command: 0 (any free port) to 65535, else `defaultPort`.
  public mutating func port(default defaultPort: Int) throws(CLIError) -> Int {
    try option("--port", expected: "0 (any free port) to 65535") {
      Int($0).flatMap { (0...65535).contains($0) ? $0 : nil }
    } ?? defaultPort
  }

  /// A typed option: `parse` turns the text into a value or returns `nil`, and `expected` says what is allowed.
  public mutating func option<T>(_ name: String, expected: String, _ parse: (String) -> T?) throws(CLIError) -> T? {
    guard let text = try option(name) else { return nil }
    guard let value = parse(text) else { throw .usage("Invalid value '\(text)' for \(name): expected \(expected)") }
    return value
  }

  /// The remaining positional arguments; throws on any unknown `--option`.
  public mutating func positionals() throws(CLIError) -> [String] {
    var rest: [String] = []
    var afterDashes = false
    for (i, item) in items.enumerated() where !consumed.contains(i) {
      if afterDashes {
        rest.append(item)
      } else if item == "--" {
        afterDashes = true
      } else if item.hasPrefix("-") && item.count > 1 && Double(item) == nil {
        let name = String(item.split(separator: "=", maxSplits: 1)[0])
        let suggestion = Suggest.closest(to: name, in: known).map { " Did you mean \($0)?" } ?? ""
        throw .usage(
          "Unknown option '\(name)'.\(suggestion) Accepted: \(known.filter { $0.hasPrefix("--") }.joined(separator: ", "))"
        )
      } else {
        rest.append(item)
      }
    }
    return rest
  }

  /// Throws unless every argument was taken: `'COMMAND' takes no arguments, got 'X'`.
  public mutating func noPositionals(_ command: String) throws(CLIError) {
    let rest = try positionals()
    guard rest.isEmpty else { throw .usage("'\(command)' takes no arguments, got '\(rest[0])'") }
  }

  /// Whether help was asked for anywhere on the line.
  public var wantsHelp: Bool { items.contains("--help") || items.contains("-h") }
}
