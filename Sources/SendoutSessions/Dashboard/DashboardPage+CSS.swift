import SendoutCore

/// The page's stylesheet: light and dark schemes from `prefers-color-scheme`, fixed column widths, fixed row
/// heights and reserved space for the pager and the live indicator, so nothing moves as rows arrive.
extension DashboardPage {
  /// `dashboard.css`.
  static let stylesheet =
    PageChrome.css + #"""
      :root { --bg: #f6f7f9; --panel: #ffffff; --fg: #1d2330; --muted: #637083; --border: #e1e5eb; --accent: #2b5cd8;
        --focus: #2b5cd8; --ok-bg: #e3f6ea; --ok: #11703a; --warn-bg: #fff3d6; --warn: #8a5a00; --bad-bg: #fde7e7;
        --bad: #b3261e; --skip-bg: #eceff3; --skip: #505a68; --row-hover: #f0f4ff; --code-bg: #f3f5f8; }
      @media (prefers-color-scheme: dark) {
        :root { --bg: #12151b; --panel: #1a1e26; --fg: #e4e8ef; --muted: #98a3b3; --border: #2c323d; --accent: #7aa2ff;
          --focus: #7aa2ff; --ok-bg: #123424; --ok: #6fdc9c; --warn-bg: #3a2d0c; --warn: #f4c25b; --bad-bg: #3d1618;
          --bad: #ff8a80; --skip-bg: #2a2f38; --skip: #b7c0cc; --row-hover: #212838; --code-bg: #141820; }
      }
      body { line-height: 1.4; }
      code, pre, .mono { font-size: 12.5px; }
      .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
      .top { display: flex; align-items: center; gap: 24px; padding: 10px 20px; background: var(--panel);
        border-bottom: 1px solid var(--border); min-height: 56px; }
      .top h1 { font-size: 17px; margin: 0; white-space: nowrap; }
      .logo { color: var(--accent); }
      .tabs { display: flex; gap: 4px; }
      .tabs a { white-space: nowrap; padding: 7px 12px; border-radius: 6px; color: var(--muted); text-decoration: none; font-weight: 500; }
      .tabs a[aria-selected="true"] { color: var(--accent); background: var(--row-hover); }
      .tabs a:focus-visible { outline: 2px solid var(--focus); }
      .meta { margin: 0 0 0 auto; color: var(--muted); display: flex; align-items: center; gap: 10px; min-width: 0; }
      .meta { white-space: nowrap; }
      .meta code { max-width: 300px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; color: var(--fg); }
      .live { display: inline-block; width: 150px; font-size: 12px; white-space: nowrap; }
      .live::before { content: "●"; margin-right: 5px; color: var(--skip); }
      .live.on::before { color: var(--ok); }
      .live.off::before { color: var(--bad); }
      main { padding: 16px 20px 24px; }
      .filters { display: flex; gap: 12px; align-items: end; margin-bottom: 12px; flex-wrap: wrap; }
      .filters label { display: flex; flex-direction: column; gap: 3px; font-size: 12px; color: var(--muted); }
      .filters .grow { flex: 1; min-width: 220px; }
      select, input[type=search] { font: inherit; color: var(--fg); background: var(--panel);
        border: 1px solid var(--border); border-radius: 6px; padding: 6px 8px; height: 34px; }
      select { width: 190px; }
      .table-wrap { background: var(--panel); border: 1px solid var(--border); border-radius: 8px; overflow: hidden; }
      table.grid { width: 100%; border-collapse: collapse; table-layout: fixed; }
      .grid th { text-align: left; font-size: 12px; font-weight: 600; color: var(--muted); padding: 9px 9px;
        border-bottom: 1px solid var(--border); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
      .grid td { padding: 0 9px; height: 48px; border-bottom: 1px solid var(--border); white-space: nowrap;
        overflow: hidden; text-overflow: ellipsis; vertical-align: middle; }
      .grid tbody tr:last-child td { border-bottom: none; }
      .grid .num { text-align: right; font-variant-numeric: tabular-nums; }
      .grid td .sub { display: block; color: var(--muted); font-size: 12px; overflow: hidden; text-overflow: ellipsis; }
      .grid td .main { display: block; overflow: hidden; text-overflow: ellipsis; }
      #sendouts tbody tr { cursor: pointer; }
      #sendouts tbody tr:hover, .world tbody tr:hover { background: var(--row-hover); }
      #sendouts tbody tr:focus { outline: 2px solid var(--focus); outline-offset: -2px; background: var(--row-hover); }
      tr.placeholder td { color: var(--muted); text-align: center; cursor: default; }
      tr.fresh { animation: fresh 1.2s ease-out; }
      @keyframes fresh { from { background: var(--warn-bg); } to { background: transparent; } }
      col.c-status { width: 100px; } col.c-type { width: 172px; } col.c-id { width: 190px; } col.c-source { width: 140px; }
      col.c-http { width: 60px; } col.c-latency { width: 80px; } col.c-attempts { width: 58px; } col.c-time { width: 178px; }
      col.c-actions { width: 88px; }
      .attempts th:nth-child(1) { width: 56px; } .attempts th:nth-child(2) { width: 120px; }
      .attempts th:nth-child(3) { width: 190px; } .attempts th:nth-child(4) { width: 70px; }
      .attempts th:nth-child(5) { width: 90px; }
      .badge { display: inline-block; min-width: 78px; text-align: center; padding: 3px 8px; border-radius: 999px;
        font-size: 11px; font-weight: 700; letter-spacing: .04em; }
      .badge.SUCCESS { background: var(--ok-bg); color: var(--ok); }
      .badge.RETRYING { background: var(--warn-bg); color: var(--warn); }
      .badge.FAILED { background: var(--bad-bg); color: var(--bad); }
      .badge.SKIPPED { background: var(--skip-bg); color: var(--skip); }
      button { font: inherit; cursor: pointer; }
      button.retry { border: 1px solid var(--accent); color: var(--accent); background: transparent; border-radius: 6px;
        padding: 4px 8px; width: 64px; }
      button.retry:hover { background: var(--accent); color: var(--panel); }
      button.retry:disabled { opacity: .6; cursor: progress; }
      button:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
      .pager { display: flex; align-items: center; justify-content: center; gap: 16px; height: 48px; }
      .pager button { border: 1px solid var(--border); background: var(--panel); color: var(--fg); border-radius: 6px;
        padding: 5px 12px; width: 110px; }
      .pager button:disabled { opacity: .45; cursor: default; }
      .pager span { min-width: 230px; text-align: center; color: var(--muted); font-variant-numeric: tabular-nums; }
      .warnings { color: var(--warn); background: var(--warn-bg); padding: 8px 12px; border-radius: 6px; }
      dialog { width: min(1000px, 94vw); max-height: 90vh; border: 1px solid var(--border); border-radius: 10px;
        background: var(--panel); color: var(--fg); padding: 0 22px 22px; overflow: auto; }
      dialog::backdrop { background: rgba(10, 14, 22, .55); }
      .dialog-head { display: flex; align-items: center; gap: 12px; position: sticky; top: 0; background: var(--panel);
        padding: 16px 0 10px; border-bottom: 1px solid var(--border); }
      .dialog-head h2 { margin: 0; font-size: 17px; flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
      #detail-close { border: none; background: transparent; color: var(--muted); font-size: 18px; width: 36px; }
      dialog h3 { font-size: 13px; margin: 20px 0 8px; display: flex; gap: 12px; align-items: baseline; }
      .hint { color: var(--muted); font-weight: 400; }
      button.link { border: none; background: none; color: var(--accent); padding: 0; font-size: 12px; }
      .summary { display: grid; grid-template-columns: 160px 1fr; gap: 4px 16px; margin: 14px 0 0; }
      .summary dt { color: var(--muted); }
      .summary dd { margin: 0; overflow-wrap: anywhere; }
      .attempts td, .headers td { height: 34px; }
      .headers td:first-child { width: 260px; color: var(--muted); }
      .headers td { white-space: normal; overflow-wrap: anywhere; }
      dialog.keys { width: min(440px, 94vw); padding: 18px 22px; }
      .keys h2 { margin: 0 0 8px; font-size: 17px; }
      .keys label { display: grid; gap: 4px; margin: 12px 0; color: var(--muted); }
      .keys input { font: inherit; padding: 6px 8px; border: 1px solid var(--border); border-radius: 6px;
        background: var(--panel); color: var(--fg); }
      .keys .error { color: var(--bad); min-height: 1.2em; margin: 0; }
      .keys .actions { display: flex; justify-content: flex-end; gap: 10px; margin-top: 12px; }
      .keys .actions button { border: 1px solid var(--border); background: var(--panel); color: var(--fg);
        border-radius: 6px; padding: 6px 14px; }
      .keys .actions button.primary { border-color: var(--accent); background: var(--accent); color: var(--panel); }
      pre#detail-body, pre#answer-body { background: var(--code-bg); border: 1px solid var(--border);
        border-radius: 6px; padding: 12px; margin: 0; max-height: 48vh; overflow: auto; white-space: pre-wrap;
        overflow-wrap: anywhere; }
      pre#answer-body { max-height: 24vh; }
      .badge.LIVE { background: var(--ok-bg); color: var(--ok); }
      .badge.PAUSED, .badge.DISABLED { background: var(--bad-bg); color: var(--bad); }
      .sources { margin-bottom: 16px; }
      .sources h2 { font-size: 14px; margin: 0 0 8px; }
      #source-table th:nth-child(1) { width: 110px; } #source-table th:nth-child(2) { width: 200px; }
      #source-table th:nth-child(4) { width: 90px; } #source-table th:nth-child(5) { width: 230px; }
      #source-table th:nth-child(6) { width: 100px; }
      button.resume { width: 76px; }
      a { color: var(--accent); }
      .controls { display: flex; flex-wrap: wrap; align-items: center; gap: 10px 16px; padding: 8px 20px;
        background: var(--panel); border-bottom: 1px solid var(--border); font-size: 13px; }
      .controls form.inline { display: flex; gap: 6px; align-items: center; margin: 0; }
      .controls input { font: inherit; padding: 3px 6px; border: 1px solid var(--border); border-radius: 6px;
        background: var(--bg); color: var(--fg); }
      .controls button { border: 1px solid var(--border); background: var(--bg); color: var(--fg); border-radius: 6px;
        padding: 4px 10px; }
      .controls button:disabled { opacity: .5; cursor: default; }
      #control-result { color: var(--muted); min-width: 200px; }
      col.c-num { width: 60px; } col.c-method { width: 80px; } col.c-code { width: 76px; } col.c-caused { width: 330px; }
      #calls td.caused a { margin-right: 8px; }
      #calls td.bad { color: var(--bad); }
      #calls tr.target { background: var(--warn-bg); }
      pre.curl { background: var(--code-bg); border: 1px solid var(--border); border-radius: 6px; padding: 10px;
        white-space: pre-wrap; overflow-wrap: anywhere; max-height: 20vh; overflow: auto; }
      """#
}
