/// A JUnit XML report of a scenario run, the format CI systems (GitHub Actions, GitLab, Jenkins) display:
/// one test case per sendout (class = the step, name = event type → endpoint) and one per expectation.
public enum JUnitReport {
  /// The XML document for `summary`; `seconds` is the run's wall time.
  public static func xml(_ summary: RunSummary, seconds: Double) -> String {
    let failures = summary.failures.count + summary.checks.filter { !$0.passed }.count
    let tests = summary.outcomes.count + summary.checks.count
    var out = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
    out += #"<testsuites name="sendout" tests="\#(tests)" failures="\#(failures)" time="\#(format(seconds))">"# + "\n"
    out +=
      #"  <testsuite name="\#(escape(summary.name))" tests="\#(tests)" failures="\#(failures)" errors="0" skipped="0" time="\#(format(seconds))">"#
      + "\n"
    for o in summary.outcomes {
      let p = o.planned
      let step = p.stepName.map { "\($0) (\(p.stepPath))" } ?? p.stepPath
      out +=
        #"    <testcase classname="\#(escape(step))" name="\#(escape("\(p.sendout.eventType) → \(p.endpointName) [\(p.sendout.id)]"))""#
      if o.status == .success {
        out += "/>\n"
      } else {
        let message = "\(o.status.rawValue) after \(o.attempts) attempt\(o.attempts == 1 ? "" : "s"): \(o.error ?? "")"
        out +=
          ">\n      <failure message=\"\(escape(message))\" type=\"\(o.status.rawValue)\">\(escape("target \(p.sendout.source.targetURL)"))</failure>\n    </testcase>\n"
      }
    }
    for c in summary.checks {
      out += #"    <testcase classname="expect" name="\#(escape(c.name))""#
      out +=
        c.passed
        ? "/>\n" : ">\n      <failure message=\"\(escape(c.detail))\" type=\"expectation\"/>\n    </testcase>\n"
    }
    out += "  </testsuite>\n</testsuites>\n"
    return out
  }

  /// XML-escapes text for attributes and content.
  static func escape(_ s: String) -> String {
    var out = ""
    for c in s.unicodeScalars {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      case _ where c.value < 0x20 && c != "\n" && c != "\t": out += "&#\(c.value);"
      default: out.unicodeScalars.append(c)
      }
    }
    return out
  }

  private static func format(_ seconds: Double) -> String {
    JSONNumberFormat.javaScript((seconds * 1000).rounded() / 1000)
  }
}
