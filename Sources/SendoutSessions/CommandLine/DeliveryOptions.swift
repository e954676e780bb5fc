import SendoutCore
import SendoutIO

/// Options shared by the commands that deliver (`fire`, `run`, `retry`): schedule, time scale, timeout,
/// custom headers and the audit log path.
public enum DeliveryOptions {
  /// Parses `--retry-schedule`, `--time-scale`, `--timeout`, `--header`… and `--audit`; with an `environment`
  /// (`fire`, `run`) also `--ci`: in CI (`--ci`, or `CI` set and not `false`/`0`) Voucherify's default schedule is
  /// compressed to 2 minutes unless `--retry-schedule` or `--time-scale` is given.
  public static func parse(
    _ arguments: inout Arguments, defaultSchedule: RetrySchedule, environment: [String: String]? = nil
  ) throws(CLIError) -> DeliverySettings {
    let ci = ciReason(&arguments, environment: environment)
    let scheduleText = try arguments.option("--retry-schedule")
    let scaleText = try arguments.option("--time-scale")
    let timeoutText = try arguments.option("--timeout")
    let headers = try parseHeaders(&arguments)
    let auditPath = try arguments.option("--audit") ?? FileAuditLog.defaultPath
    do throws(DeliveryError) {
      let schedule = try scheduleText.map { (t) throws(DeliveryError) in try RetrySchedule.parse(t) } ?? defaultSchedule
      let scale = try scaleText.map { (t) throws(DeliveryError) in try RetryPolicy.parseTimeScale(t) } ?? 1
      var timeout = RetryPolicy.voucherifyTimeoutMilliseconds
      if let text = timeoutText {
        guard let ms = DurationText.wholeMilliseconds(text), ms > 0 else { throw DeliveryError.invalidDuration(text) }
        timeout = ms
      }
      var settings = DeliverySettings(
        policy: try RetryPolicy(schedule: schedule, timeScale: scale, timeoutMilliseconds: timeout), headers: headers,
        auditPath: auditPath)
      if let ci, scheduleText == nil, scaleText == nil, schedule == .voucherify {
        settings.policy = try RetryPolicy.compressedForCI(timeoutMilliseconds: timeout)
        settings.compressedFor = ci
      }
      return settings
    } catch {
      throw .usage(error.message)
    }
  }

  /// `--ci` or `CI is set` when the run is in CI (never without an `environment`).
  static func ciReason(_ arguments: inout Arguments, environment: [String: String]?) -> String? {
    guard let environment else { return nil }
    if arguments.flag("--ci") { return "--ci" }
    return ["", "false", "0"].contains(environment["CI"] ?? "") ? nil : "CI is set"
  }

  /// Every `--header 'name: value'`, checked against Voucherify's header-name rule.
  public static func parseHeaders(_ arguments: inout Arguments) throws(CLIError) -> [HTTPHeader] {
    let texts = try arguments.options("--header")
    do throws(DeliveryError) {
      return try texts.map { (t) throws(DeliveryError) in try CustomHeader.parse(t) }
    } catch {
      throw .usage(error.message)
    }
  }
}
