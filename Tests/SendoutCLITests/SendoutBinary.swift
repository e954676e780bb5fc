import Foundation

/// Runs the built `sendout` executable, as a user would, and captures what it prints.
struct SendoutBinary {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
    var stdoutBytes: [UInt8]
  }

  /// The `sendout` binary beside the test bundle (both live in the build products folder).
  static var url: URL {
    let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var dir = testBinary.deletingLastPathComponent()
    while dir.path != "/" {
      let candidate = dir.appendingPathComponent("sendout")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      dir = dir.deletingLastPathComponent()
    }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    return root.appendingPathComponent(".build/debug/sendout")
  }

  /// Runs `sendout arguments…` to completion with `input` (or nothing) on standard input; with `timeoutSeconds`, a
  /// process still running then is killed (SIGKILL: a process stuck in `open` ignores SIGTERM), so a hang fails.
  static func run(
    _ arguments: [String], environment: [String: String] = [:], input: [UInt8]? = nil, timeoutSeconds: Double? = nil
  ) throws -> Result {
    let process = Process()
    process.executableURL = url
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["CI"] = nil  // a CI runner's CI=true would compress the default schedule; tests that want it say so
    env["SENDOUT_SECRET"] = nil
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let stdin = Pipe()
    process.standardInput = input == nil ? FileHandle.nullDevice : stdin
    try process.run()
    if let timeoutSeconds {
      let pid = process.processIdentifier
      DispatchQueue.global().asyncAfter(deadline: .now() + timeoutSeconds) { [process] in
        if process.isRunning { kill(pid, SIGKILL) }
      }
    }
    if let input {
      stdin.fileHandleForWriting.write(Data(input))
      try stdin.fileHandleForWriting.close()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self), stdoutBytes: Array(outData))
  }

  /// Starts `sendout arguments…` in the background and reads its output up to the end of its first line (servers
  /// print where they listen first); returns the process, its output pipe, the bytes read and the port that line
  /// names after `127.0.0.1:` (0 when none).
  /// Starts `sendout arguments…` (run by `launcher`, e.g. `unshare …`, when one is given, the binary's path after
  /// it) and reads its first line, which names the port.
  static func startServer(_ arguments: [String], launcher: [String] = []) throws -> (
    Process, Pipe, read: [UInt8], port: Int
  ) {
    let process = Process()
    let output = Pipe()
    process.executableURL = launcher.first.map(URL.init(fileURLWithPath:)) ?? url
    process.arguments = launcher.isEmpty ? arguments : launcher.dropFirst() + [url.path] + arguments
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    var bytes: [UInt8] = []
    while !bytes.contains(0x0A) {
      let data = output.fileHandleForReading.availableData
      if data.isEmpty { break }  // it exited
      bytes += data
    }
    let firstLine = String(decoding: bytes.prefix { $0 != 0x0A }, as: UTF8.self)
    let afterHost = firstLine.components(separatedBy: "127.0.0.1:").dropFirst().first ?? ""
    return (process, output, bytes, Int(afterHost.prefix { $0.isNumber }) ?? 0)
  }
}
