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
