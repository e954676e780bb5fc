/// Invalid delivery settings: every message quotes the bad value and says what is allowed.
public enum DeliveryError: Error, Sendable, Equatable {
  /// `--retry-schedule` text that is not a preset or a list of increasing durations.
  case invalidRetrySchedule(String, reason: String)
  /// `--time-scale` that is not a positive finite number.
  case invalidTimeScale(String)
  /// A duration that could not be read (`--delay`, `--timeout`).
  case invalidDuration(String)
  /// A per-attempt timeout outside 1 ms to 24 h.
  case invalidTimeout(String)
  /// A custom header that is not `name: value`.
  case invalidHeader(String)
  /// A custom header name with characters Voucherify does not allow.
  case invalidHeaderName(String)
  /// A custom header value with a control character (a line break would inject headers).
  case invalidHeaderValue(name: String, value: String)
  /// A custom header that would replace one Sendout sets itself.
  case reservedHeaderName(String)
  /// A concurrency limit below 1.
  case invalidConcurrency(Int)
  /// A target that is not an absolute http(s) URL with a host.
  case invalidTargetURL(String)

  /// One line for the user.
  public var message: String {
    switch self {
    case .invalidRetrySchedule(let text, let reason):
      "Invalid retry schedule '\(text)': \(reason). Expected 'voucherify', 'none' or increasing durations since the first attempt, e.g. '100ms,1s,5s'"
    case .invalidTimeScale(let text):
      "Invalid time scale '\(text)': expected a positive number up to 1000, e.g. 0.001 (1 minute becomes 60 ms)"
    case .invalidDuration(let text):
      "Invalid duration '\(text)': expected a number with a unit (ms, s, m, h, d) up to \(DurationText.maxText), e.g. 250ms, 1.5s, 1h4m"
    case .invalidTimeout(let text): "Invalid timeout '\(text)': expected 1ms to 24h, e.g. 10s"
    case .invalidHeader(let text):
      // The text may be a credential typed without its colon: show the leading name only, never the rest.
      "Invalid header \(CustomHeader.shownInError(text)): expected 'name: value'"
    case .invalidHeaderName(let name):
      "Invalid header name '\(TerminalText.escape(name))': Voucherify allows lowercase letters, digits and dashes only"
    case .invalidHeaderValue(let name, let value):
      "Invalid value \(CustomHeader.isSensitive(name: name) ? CustomHeader.redactedValue : value.debugDescription) "
        + "for header '\(TerminalText.escape(name))': control characters and line breaks are not allowed"
    case .reservedHeaderName(let name):
      "Header '\(TerminalText.escape(name))' is set by Sendout itself; custom headers may not replace "
        + CustomHeader.reservedNames.joined(separator: ", ")
    case .invalidConcurrency(let n): "Invalid concurrency \(n): expected 1 or more"
    case .invalidTargetURL(let url):
      "Invalid target URL '\(TerminalText.escape(TargetURL.withoutPassword(url)))': expected an absolute http:// or https:// URL such as http://127.0.0.1:8080/webhooks"
    }
  }
}
