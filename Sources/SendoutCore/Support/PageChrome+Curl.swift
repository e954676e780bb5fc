extension PageChrome {
  /// The pages' shared script helper `curlCommand(url, headers, body)`: a `curl` command line that re-sends a
  /// request's exact body and headers (each value single-quoted for a POSIX shell; `content-length`, `host` and
  /// `connection` left to curl). The dashboard and the Arrivals page both append it to their script.
  public static let curlScript = #"""
    function shellQuote(text) { return "'" + String(text).replace(/'/g, "'\\''") + "'"; }
    function curlCommand(url, headers, body) {
      const words = ["curl", "-X", "POST", shellQuote(url)];
      for (const h of headers) {
        if (/^(content-length|host|connection)$/i.test(h.name)) continue;
        words.push("-H", shellQuote(h.name + ": " + h.value));
      }
      words.push("--data-binary", shellQuote(body));
      return words.join(" ");
    }

    """#
}
