import SendoutCore

/// The Arrivals page of `sendout listen --ui`: HTML, CSS and JavaScript written here and served from the binary
/// (no CDN, works offline). The page only ever puts data into the document with `textContent`, never as markup.
public enum ArrivalsPage {
  /// The page (`GET /_sendout/`).
  public static let html =
    PageChrome.head(
      title: "Arrivals · sendout listen", "<link rel=\"icon\" href=\"data:,\">",
      "<link rel=\"stylesheet\" href=\"/_sendout/arrivals.css\">",
      "<script src=\"/_sendout/arrivals.js\" defer></script>")
      + """

      <body>
      <header>
      <h1>Arrivals</h1>
      <p class="hint">Webhooks this listener received, newest first. Send to any path outside <code>/_sendout/</code>,
      e.g. <code id="webhook-url">/webhooks</code>.</p>
      <p id="status" class="status" role="status">Connecting…</p>
      <form id="filters" class="filters" role="search" aria-label="Filter arrivals">
      <label>Event type <select name="event_type"><option value="">All</option></select></label>
      <label>Signature <select name="signature"><option value="">All</option><option>valid</option>
      <option>invalid</option><option>absent</option><option>unchecked</option></select></label>
      <label>Answer <select name="status"><option value="">All</option><option>2xx</option><option>3xx</option>
      <option>4xx</option><option>5xx</option></select></label>
      <label class="grow">Search <input type="search" name="q" autocomplete="off"
      placeholder="#, path, event type, sendout id…"></label>
      <span id="match-info" class="hint" aria-live="polite"></span>
      </form>
      </header>
      <main>
      <section class="list" aria-label="Arrivals">
      <div class="scroller" id="scroller">
      <table id="arrivals" aria-describedby="keys">
      <caption id="keys">Arrow keys move between rows, Enter shows a request's headers and body.</caption>
      <colgroup><col class="c-seq"><col class="c-time"><col class="c-req"><col class="c-event"><col class="c-id">
      <col class="c-sig"><col class="c-size"><col class="c-status"></colgroup>
      <thead><tr><th scope="col">#</th><th scope="col">Time (UTC)</th><th scope="col">Request</th>
      <th scope="col">Event type</th><th scope="col">Sendout id</th><th scope="col">Signature</th>
      <th scope="col" class="num">Size</th><th scope="col" class="num">Answer</th></tr></thead>
      <tbody id="rows"></tbody>
      </table>
      <p id="empty" class="empty">No webhooks yet. They appear here as they arrive, without reloading.</p>
      <noscript><p class="empty">This page updates with JavaScript. The same data is at
      <a href="/_sendout/api/arrivals">/_sendout/api/arrivals</a>.</p></noscript>
      </div>
      </section>
      <section class="detail" id="detail" aria-labelledby="detail-title">
      <h2 id="detail-title">Request</h2>
      <p id="detail-hint" class="hint">Select a row (click it, or arrow keys and Enter) to see its headers and body.</p>
      <div id="detail-body" hidden>
      <dl id="detail-facts" class="facts"></dl>
      <div class="actions"><button type="button" id="copy-curl">Copy as cURL</button></div>
      <pre id="curl-text" tabindex="0" hidden></pre>
      <form id="forward-form" class="forward"><label>Forward to URL <input name="url" id="forward-url" type="url"
      required placeholder="http://127.0.0.1:3000/webhooks" autocomplete="off" spellcheck="false"></label>
      <button type="submit" id="forward-send">Forward</button></form>
      <p class="hint">Sends this request's exact body and headers again, from the listener, and shows the answer.</p>
      <section id="forward-result" hidden aria-live="polite"><h3>Answer <span id="forward-summary" class="kind"></span>
      </h3><table class="headers"><tbody id="forward-headers"></tbody></table><pre id="forward-body" tabindex="0"></pre>
      </section>
      <h3>Body <span id="body-kind" class="kind"></span></h3>
      <pre id="detail-raw" tabindex="0"></pre>
      <h3>Headers</h3>
      <table class="headers"><thead><tr><th scope="col">Name</th><th scope="col">Value</th></tr></thead>
      <tbody id="detail-headers"></tbody></table>
      </div>
      </section>
      </main>
      </body>
      </html>

      """
}
