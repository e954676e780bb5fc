import SendoutCore

extension ArrivalsPage {
  /// The page's CSS (`GET /_sendout/arrivals.css`): light and dark schemes, fixed column widths so that new rows
  /// and long values never move the layout.
  public static let css =
    PageChrome.css + """
      :root { --row: #eef4ff; --sel: #ddf4ff; --new: #fff8c5; }
      @media (prefers-color-scheme: dark) { :root { --row: #161f2e; --sel: #1f3450; --new: #3b2e00; } }
      html, body { height: 100%; }
      body { display: flex; flex-direction: column; }
      header { padding: 14px 20px 10px; border-bottom: 1px solid var(--border); }
      h1 { margin: 0; font-size: 20px; }
      h2 { margin: 0 0 8px; font-size: 16px; }
      h3 { margin: 16px 0 6px; font-size: 14px; }
      .hint { margin: 2px 0 0; color: var(--muted); }
      .status { margin: 4px 0 0; min-height: 1.45em; font-variant-numeric: tabular-nums; }
      code, pre, .mono { font-size: 12px; }
      main { flex: 1; min-height: 0; display: grid; grid-template-columns: minmax(0, 1fr) minmax(300px, 30%); }
      .list, .detail { min-height: 0; overflow: auto; }
      .scroller { height: 100%; overflow: auto; }
      .detail { border-left: 1px solid var(--border); padding: 14px 20px; background: var(--panel); }
      table { border-collapse: collapse; width: 100%; }
      #arrivals { table-layout: fixed; font-size: 13px; }
      #arrivals caption { text-align: left; padding: 6px 12px; color: var(--muted); font-size: 12px; }
      .c-seq { width: 3.5em; } .c-time { width: 8em; } .c-req { width: 9.5em; }
      .c-id { width: 13.5em; } .c-sig { width: 7.5em; } .c-size { width: 5.5em; } .c-status { width: 5.5em; }
      th, td { padding: 5px 8px; text-align: left; border-bottom: 1px solid var(--border); white-space: nowrap;
        overflow: hidden; text-overflow: ellipsis; }
      thead th { position: sticky; top: 0; background: var(--bg); font-weight: 600; z-index: 1; }
      .num { text-align: right; font-variant-numeric: tabular-nums; }
      #rows tr { cursor: pointer; }
      #rows tr:hover { background: var(--row); }
      #rows tr[aria-current="true"] { background: var(--sel); }
      #rows tr:focus { outline: 2px solid var(--focus); outline-offset: -2px; }
      #rows tr.new { animation: arrive 1.5s ease-out; }
      @keyframes arrive { from { background: var(--new); } }
      .sig-valid { color: var(--ok); } .sig-invalid { color: var(--bad); font-weight: 600; }
      .sig-absent, .sig-unchecked { color: var(--warn); }
      .status-2xx { color: var(--ok); } .status-4xx, .status-5xx { color: var(--bad); }
      .empty { padding: 12px; color: var(--muted); }
      .facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 4px 12px; margin: 0; }
      .facts dt { color: var(--muted); } .facts dd { margin: 0; overflow-wrap: anywhere; }
      .headers { table-layout: fixed; }
      .headers th:first-child, .headers td:first-child { width: 38%; }
      .headers td { white-space: normal; overflow-wrap: anywhere; font-family: ui-monospace, Menlo, monospace;
        font-size: 12.5px; }
      .kind { color: var(--muted); font-weight: 400; }
      pre { margin: 0; padding: 10px; background: var(--bg); border: 1px solid var(--border); border-radius: 6px;
        white-space: pre-wrap; overflow-wrap: anywhere; max-height: 50vh; overflow: auto; }
      .filters { display: flex; flex-wrap: wrap; gap: 10px; align-items: end; margin-top: 8px; }
      .filters label { display: flex; flex-direction: column; gap: 2px; font-size: 12px; color: var(--muted); }
      .filters .grow { flex: 1; min-width: 200px; max-width: 420px; }
      .filters select, .filters input, .forward input { font: inherit; padding: 4px 6px; color: var(--fg);
        background: var(--bg); border: 1px solid var(--border); border-radius: 6px; }
      .actions { margin: 12px 0 6px; }
      button { font: inherit; cursor: pointer; border: 1px solid var(--border); background: var(--bg);
        color: var(--fg); border-radius: 6px; padding: 4px 10px; }
      .forward { display: flex; gap: 8px; align-items: end; margin-top: 10px; }
      .forward label { flex: 1; display: flex; flex-direction: column; gap: 2px; font-size: 12px; color: var(--muted); }
      #forward-body { max-height: 20vh; }
      @media (max-width: 900px) {
        main { grid-template-columns: 1fr; grid-template-rows: minmax(0, 1fr) minmax(0, 1fr); }
        .detail { border-left: 0; border-top: 1px solid var(--border); }
      }
      """
}
