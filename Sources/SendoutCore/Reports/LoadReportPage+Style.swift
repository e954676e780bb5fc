extension LoadReportPage {
  /// The page's CSS: system fonts, a light and a dark scheme, series told apart by colour and dash.
  static let style = """
    :root { --grid: #e4e7eb; --axis: #57606a; --warn-bg: #fff8c5; --warn-fg: #4d2d00;
      --c1: #0969da; --c2: #cf222e; --c3: #1a7f37; --c4: #8250df; --c5: #bc4c00; --c6: #1b7c83; }
    @media (prefers-color-scheme: dark) {
      :root { --grid: #262c36; --axis: #9198a1; --warn-bg: #3b2e00; --warn-fg: #f2cc60;
        --c1: #4493f8; --c2: #f47067; --c3: #3fb950; --c4: #be8fff; --c5: #f0883e; --c6: #39c5cf; }
    }
    body { padding: 24px; }
    header h1 { margin: 0 0 4px; font-size: 22px; }
    header p { margin: 0; color: var(--muted); overflow-wrap: anywhere; }
    header .target { color: var(--fg); }
    main { display: grid; grid-template-columns: minmax(240px, 320px) minmax(0, 1fr); gap: 24px; margin-top: 20px;
      align-items: start; }
    .warning { grid-column: 1 / -1; margin: 0; padding: 8px 12px; border-radius: 6px; background: var(--warn-bg);
      color: var(--warn-fg); }
    .figures { background: var(--panel); border: 1px solid var(--border); border-radius: 8px; padding: 12px 16px; }
    h2 { font-size: 15px; margin: 0 0 8px; }
    table { border-collapse: collapse; width: 100%; }
    th, td { text-align: left; padding: 4px 0; vertical-align: top; border-bottom: 1px solid var(--border); }
    tr:last-child th, tr:last-child td { border-bottom: 0; }
    th { font-weight: 500; color: var(--muted); padding-right: 12px; white-space: nowrap; }
    td { font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
    .charts { display: grid; gap: 20px; }
    figure { margin: 0; background: var(--panel); border: 1px solid var(--border); border-radius: 8px; padding: 12px; }
    figcaption { font-weight: 600; margin-bottom: 4px; }
    svg.chart { display: block; width: 100%; height: auto; font-size: 12px; }
    svg.chart text { fill: var(--fg); }
    svg.chart .axis text { fill: var(--muted); }
    svg.chart .axis-label { fill: var(--fg); font-weight: 500; }
    svg.chart .grid line { stroke: var(--grid); stroke-width: 1; }
    svg.chart .axis line { stroke: var(--axis); stroke-width: 1; }
    svg.chart .line { fill: none; stroke-width: 2; stroke-linejoin: round; stroke-linecap: round; }
    svg.chart .series-1 { stroke: var(--c1); }
    svg.chart .series-2 { stroke: var(--c2); stroke-dasharray: 6 3; }
    svg.chart .series-3 { stroke: var(--c3); stroke-dasharray: 2 3; }
    svg.chart .series-4 { stroke: var(--c4); stroke-dasharray: 8 3 2 3; }
    svg.chart .series-5 { stroke: var(--c5); stroke-dasharray: 1 2; }
    svg.chart .series-6 { stroke: var(--c6); stroke-dasharray: 10 4; }
    .runs { margin-top: 8px; font-size: 12px; }
    .runs th, .runs td { padding: 2px 12px 2px 0; color: var(--muted); }
    .runs td.mono { color: var(--fg); }
    .runs td:first-child, .runs td:nth-child(2) { white-space: nowrap; }
    main.multi { grid-template-columns: minmax(320px, 460px) minmax(0, 1fr); }
    main.multi td { overflow-wrap: normal; padding-right: 10px; }
    footer { margin-top: 24px; color: var(--muted); font-size: 12px; }
    @media (max-width: 800px) { main { grid-template-columns: 1fr; } }
    """
}
