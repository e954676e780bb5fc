/// The chrome every page Sendout serves or writes shares (the dashboard, `listen --ui`'s Arrivals page and the load
/// report): one document head and one base stylesheet (palette in light and dark, box sizing, fonts). Each page adds
/// its own rules after `css`, and may redefine the palette's colours.
public enum PageChrome {
  /// `<!doctype html>` through `</head>`: charset, viewport, both colour schemes, `title` (escaped), then `extra`
  /// (the page's stylesheet and scripts) line by line.
  public static func head(title: String, _ extra: String...) -> String {
    let lines =
      [
        "<!doctype html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\">",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
        "<meta name=\"color-scheme\" content=\"light dark\">", "<title>\(HTMLText.escape(title))</title>",
      ] + extra + ["</head>"]
    return lines.joined(separator: "\n")
  }

  /// The base stylesheet: the palette (`--bg`, `--fg`, `--muted`, `--panel`, `--border`, `--focus`, `--ok`,
  /// `--bad`, `--warn`) for light and dark schemes, box sizing, the body's font and colours, monospace text.
  public static let css = """
    :root { color-scheme: light dark; --bg: #ffffff; --fg: #1b1f24; --muted: #57606a; --panel: #f6f8fa;
      --border: #d0d7de; --focus: #0969da; --ok: #1a7f37; --bad: #cf222e; --warn: #9a6700; }
    @media (prefers-color-scheme: dark) {
      :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --panel: #161b22; --border: #30363d;
        --focus: #4493f8; --ok: #3fb950; --bad: #f47067; --warn: #d29922; }
    }
    * { box-sizing: border-box; }
    body { margin: 0; background: var(--bg); color: var(--fg);
      font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
    code, pre, .mono { font-family: ui-monospace, SFMono-Regular, "DejaVu Sans Mono", Menlo, Consolas, monospace; }

    """
}
