import Foundation
import SendoutCore
import SendoutIO

/// `sendout listen`'s flags, parsed into a `ListenerConfiguration` (and `--json`).
public enum ListenOptions {
  /// The listener's configuration from the command line, and whether `--json` and `--quiet` were given; nothing may
  /// be left.
  public static func parse(_ arguments: inout Arguments) throws(CLIError) -> (
    ListenerConfiguration, json: Bool, quiet: Bool
  ) {
    let host = try arguments.option("--host") ?? "127.0.0.1"
    let port = try arguments.port(default: 8080)
    let secret = try arguments.option("--secret")
    let status = try arguments.option("--respond", expected: "an HTTP status from 100 to 599", parseStatus) ?? 200
    let failStatus =
      try arguments.option("--fail-status", expected: "an HTTP status from 100 to 599", parseStatus) ?? 500
    let failFirst =
      try arguments.option("--fail-first", expected: "a non-negative integer") {
        Int($0).flatMap { $0 >= 0 ? $0 : nil }
      } ?? 0
    let failRate =
      try arguments.option("--fail-rate", expected: "a probability from 0 to 1, e.g. 0.3") {
        Double($0).flatMap { (0...1).contains($0) ? $0 : nil }
      } ?? 0
    let seed = try arguments.option("--seed", expected: "a non-negative integer") { UInt64($0) } ?? 1
    let retryAfter = try arguments.option("--retry-after", expected: "a whole number of seconds") {
      Int($0).flatMap { $0 >= 0 ? $0 : nil }
    }
    let delay =
      try arguments.option("--delay", expected: "a duration such as 250ms, 2s or 1m", DurationText.wholeMilliseconds)
      ?? 0
    let maxBody =
      try arguments.option("--max-body", expected: "a positive number of bytes") {
        Int($0).flatMap { $0 > 0 ? $0 : nil }
      } ?? 1024 * 1024
    let failDuplicates = arguments.flag("--fail-duplicates")
    let forwardTo = try arguments.option("--forward-to")
    let json = arguments.flag("--json")
    let ui = arguments.flag("--ui")
    let quiet = arguments.flag("--quiet")
    let threads =
      try arguments.option("--threads", expected: "an integer from 1 to 64") {
        Int($0).flatMap { (1...64).contains($0) ? $0 : nil }
      } ?? HTTPServerConfiguration.listenerThreads
    try arguments.noPositionals("listen")

    let behavior = ListenerBehavior(
      status: status, failFirst: failFirst, failRate: failRate, seed: seed, failStatus: failStatus,
      delayMilliseconds: delay, headers: retryAfter.map { [HTTPHeader("retry-after", "\($0)")] } ?? [],
      duplicateStatus: failDuplicates ? 409 : nil)
    var configuration = ListenerConfiguration(
      host: host, port: port, secret: secret, behavior: behavior, limits: HTTPLimits(maxBodyBytes: maxBody))
    configuration.servesUI = ui
    if let forwardTo {
      let faults = status != 200 || failFirst > 0 || failRate > 0 || retryAfter != nil || delay > 0 || failDuplicates
      guard !faults else {
        throw .usage(
          "--forward-to answers with the application's answer: leave out --respond, --fail-first, --fail-rate, "
            + "--retry-after, --delay and --fail-duplicates")
      }
      guard forwardTo.hasPrefix("http://") else {
        throw .usage(
          "Invalid value '\(forwardTo)' for --forward-to: expected a plain http:// URL, e.g. http://localhost:3000/webhooks"
        )
      }
      do throws(LoadTargetError) { configuration.forwarder = try ArrivalForwarder(url: forwardTo) } catch {
        throw .usage("Invalid value '\(forwardTo)' for --forward-to: \(error.reason)")
      }
    }
    configuration.readsBodyFields = !quiet
    configuration.server.threads = threads
    return (configuration, json, quiet)
  }

  /// An HTTP status from 100 to 599.
  static func parseStatus(_ text: String) -> Int? { Int(text).flatMap { (100...599).contains($0) ? $0 : nil } }
}
