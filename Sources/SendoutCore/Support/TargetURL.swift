/// Target URLs as they are stored and shown: a password in the userinfo (`http://user:secret@host/`) is
/// needed to send (URLSession turns it into Basic authentication) but never written to the audit log,
/// the webhook body's `source.target_url`, reports or error messages.
public enum TargetURL {
  /// `url` without the password of its userinfo (`http://user:secret@host/` → `http://user@host/`, still a
  /// valid URL, so `sendout retry` sends it without the password: give `--to` again to resend with it);
  /// unchanged when it has none.
  public static func withoutPassword(_ url: String) -> String {
    guard url.utf8.contains(UInt8(ascii: "@")), let schemeEnd = url.range(of: "://") else { return url }
    let rest = url[schemeEnd.upperBound...]
    let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    guard let at = authority.lastIndex(of: "@") else { return url }
    let userinfo = authority[..<at]
    guard let colon = userinfo.firstIndex(of: ":") else { return url }
    return String(url[..<colon]) + String(url[at...])
  }
}
