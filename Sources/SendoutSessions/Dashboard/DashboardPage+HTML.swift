import SendoutCore

/// The page's markup: a semantic table whose rows the script fills (text only), the filters, the pager, and the
/// "Show data" dialog. Column widths are fixed and the pager's space reserved, so nothing jumps as data arrives.
extension DashboardPage {
  /// The whole page.
  var html: String {
    let path = HTMLText.escape(auditPath)
    let head = PageChrome.head(
      title: "Sendout · Webhook sendouts", #"<link rel="stylesheet" href="/_sendout/assets/dashboard.css">"#,
      #"<script type="application/json" id="sendout-config">"# + configJSON + "</script>",
      #"<script src="/_sendout/assets/dashboard.js" defer></script>"#)
    return head + #"""

      <body>
      <header class="top">
        <h1><span class="logo" aria-hidden="true">⇢</span> Sendout</h1>
        <nav class="tabs" role="tablist" aria-label="Views">
          <a role="tab" id="tab-sendouts" href="#sendouts" aria-selected="true">Webhook sendouts</a>
          \#(worldTabButtons)
        </nav>
        <p class="meta">Audit log <code id="audit-path" title="\#(path)">\#(path)</code>
          <span id="live" class="live" role="status" aria-live="polite">connecting…</span></p>
      </header>
      \#(serve ? Self.controlsHTML : "")
      <main>
      <section id="view-sendouts" aria-labelledby="tab-sendouts">
        <section id="sources" class="sources" aria-labelledby="sources-title" hidden>
          <h2 id="sources-title">Sources <span class="hint">(webhook targets; a source whose sendout failed every
            attempt is paused or disabled, and its later sendouts are SKIPPED until it is resumed)</span></h2>
          <div class="table-wrap"><table class="grid" id="source-table"><thead><tr><th scope="col">State</th>
            <th scope="col">Source</th><th scope="col">Target URL</th><th scope="col" class="num">Sendouts</th>
            <th scope="col">Paused by</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
            <tbody id="source-rows"></tbody></table></div>
        </section>
        <form id="filters" class="filters" role="search" aria-label="Filter sendouts">
          <label>Status <select name="status">
            <option value="">All</option><option>SUCCESS</option><option>RETRYING</option>
            <option>FAILED</option><option>SKIPPED</option></select></label>
          <label>Event type <select name="event_type"><option value="">All</option></select></label>
          <label>Source <select name="source"><option value="">All</option></select></label>
          <label class="grow">Search <input type="search" name="q" placeholder="id, type, URL, status, error…"
            autocomplete="off"></label>
        </form>
        <div class="table-wrap">
        <table id="sendouts" class="grid">
          <caption class="sr-only">Webhook sendouts, newest first. Enter opens a sendout's data.</caption>
          <colgroup><col class="c-status"><col class="c-type"><col class="c-id"><col class="c-source">
            <col class="c-target"><col class="c-http"><col class="c-latency"><col class="c-attempts">
            <col class="c-time"><col class="c-actions"></colgroup>
          <thead><tr><th scope="col">Status</th><th scope="col">Event type · event id</th>
            <th scope="col">Sendout id · request id</th><th scope="col">Source</th><th scope="col">Target URL</th>
            <th scope="col" class="num">HTTP</th><th scope="col" class="num">Latency</th>
            <th scope="col" class="num">Tries</th><th scope="col" title="Times in UTC">Executed · created</th>
            <th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody id="sendout-rows"><tr class="placeholder"><td colspan="10">Loading…</td></tr></tbody>
        </table>
        </div>
        <nav class="pager" aria-label="Pages"><button type="button" id="prev">← Newer</button>
          <span id="page-info" aria-live="polite"></span><button type="button" id="next">Older →</button></nav>
        <p id="warnings" class="warnings" hidden></p>
      </section>
      \#(serve ? Self.callsHTML : "")
      <section id="view-world" hidden>
        <form id="world-filters" class="filters" role="search" aria-label="Filter">
          <label class="grow">Search <input type="search" name="q" placeholder="id, name, email, code…"
            autocomplete="off"></label>
        </form>
        <div class="table-wrap">
        <table id="world" class="grid world">
          <caption class="sr-only" id="world-caption"></caption>
          <thead><tr id="world-head"></tr></thead><tbody id="world-rows"></tbody>
        </table>
        </div>
        <nav class="pager" aria-label="Pages"><button type="button" id="world-prev">← Previous</button>
          <span id="world-page-info" aria-live="polite"></span><button type="button" id="world-next">Next →</button></nav>
      </section>
      <noscript><p class="warnings">This page needs JavaScript; the same data is JSON at
        <a href="/_sendout/api/sendouts">/_sendout/api/sendouts</a>.</p></noscript>
      </main>
      <dialog id="detail" aria-labelledby="detail-title">
        <div class="dialog-head"><h2 id="detail-title">Show data</h2>
          <button type="button" id="detail-curl" class="link">Copy as cURL</button>
          <button type="button" id="detail-retry" class="retry" hidden>Retry</button>
          <button type="button" id="detail-close" aria-label="Close">✕</button></div>
        <dl id="detail-summary" class="summary"></dl>
        <pre id="detail-curl-text" class="curl" tabindex="0" hidden></pre>
        <h3>Attempts</h3>
        <table class="grid attempts"><thead><tr><th scope="col" class="num">#</th><th scope="col">Status</th>
          <th scope="col">Executed (UTC)</th><th scope="col" class="num">HTTP</th><th scope="col" class="num">Latency</th>
          <th scope="col">Error</th></tr></thead><tbody id="detail-attempts"></tbody></table>
        <section id="answer" hidden><h3>Receiver's answer <span class="hint" id="answer-hint"></span></h3>
          <table class="grid headers"><tbody id="answer-headers"></tbody></table>
          <pre id="answer-body" tabindex="0"></pre></section>
        <h3>Request headers <span class="hint">(secrets redacted as in the audit log)</span></h3>
        <table class="grid headers"><tbody id="detail-headers"></tbody></table>
        <h3>Request body <span class="hint" id="body-hint"></span>
          <button type="button" id="body-toggle" class="link">Show exact bytes</button>
          <button type="button" id="body-copy" class="link">Copy</button></h3>
        <pre id="detail-body" tabindex="0"></pre>
      </dialog>
      <dialog id="keys" class="keys" aria-labelledby="keys-title">
        <form id="keys-form">
          <h2 id="keys-title">API keys</h2>
          <p class="hint">Retry in <code>sendout serve</code> takes the app keys, as the API does: the X-App-Id and
            X-App-Token serve printed, or the ones you gave it. They stay in this tab only.</p>
          <label>X-App-Id <input name="app_id" required autocomplete="off" spellcheck="false"></label>
          <label>X-App-Token <input name="app_token" type="password" required autocomplete="off"></label>
          <p id="keys-error" class="error" role="alert"></p>
          <div class="actions"><button type="button" id="keys-cancel">Cancel</button>
            <button type="submit" id="keys-save" class="primary">Use these keys</button></div>
        </form>
      </dialog>
      </body>
      </html>

      """#
  }

  /// `sendout serve`'s controls: the clock, reset, delivery and scenario (`POST`s under `/_sendout/`, with the keys).
  static let controlsHTML = #"""
    <section id="controls" class="controls" aria-label="Server controls">
      <span>Clock <code id="clock-now">…</code></span>
      <form id="clock-form" class="inline"><label>Advance by <input name="advance" value="1d" size="6"
        autocomplete="off" spellcheck="false"></label><button type="submit" id="clock-advance">Advance</button></form>
      <span>Delivery <span id="delivery-state">…</span></span>
      <button type="button" id="delivery-toggle">Pause delivery</button>
      <button type="button" id="world-reset">Reset world</button>
      <label class="file">Scenario <input type="file" id="scenario-file" accept=".json,application/json"></label>
      <button type="button" id="scenario-load">Load scenario</button>
      <span id="control-result" role="status" aria-live="polite"></span>
    </section>
    """#

  /// `sendout serve`'s API calls tab.
  static let callsHTML = #"""
    <section id="view-calls" aria-labelledby="tab-calls" hidden>
        <p class="hint" id="calls-info">The last \#(APICallLog.bound) API calls (older ones drop off), newest
          first; each links to the webhooks it caused, and each sendout's data links back to its call.</p>
        <div class="table-wrap">
        <table id="calls" class="grid">
          <caption class="sr-only">API calls, newest first</caption>
          <colgroup><col class="c-num"><col class="c-time"><col class="c-method"><col><col class="c-code">
            <col class="c-caused"></colgroup>
          <thead><tr><th scope="col" class="num">#</th><th scope="col" title="Wall clock, UTC">Received (UTC)</th><th scope="col">Method</th>
            <th scope="col">Path</th><th scope="col" class="num">Status</th><th scope="col">Webhooks caused</th></tr></thead>
          <tbody id="call-rows"><tr class="placeholder"><td colspan="6">No API calls yet.</td></tr></tbody>
        </table>
        </div>
      </section>
    """#
}
