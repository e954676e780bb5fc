/// The page's script, part 2: the "Show data" dialog (exact body pretty-printed, headers, every attempt, the
/// receiver's latest answer, Retry; untrusted text only ever set as `textContent`),
/// opened with Enter or a click and closed with Esc (the native `<dialog>`), focus returned to the row.
extension DashboardPage {
  /// The second part of `dashboard.js`.
  static let detailScript = #"""
    const detail = { id: null, data: null, exact: false, opener: null };

    function summaryRow(dl, name, value) {
      dl.appendChild(el("dt", name));
      dl.appendChild(el("dd", value === null || value === undefined || value === "" ? "—" : value));
    }
    function renderDetail() {
      const d = detail.data;
      const s = d.sendout;
      $("detail-title").textContent = s.event_type + " · " + s.sendout_id;
      const dl = $("detail-summary");
      dl.replaceChildren();
      const status = el("dd");
      status.appendChild(badge(s.retry_in_flight ? "RETRYING" : s.status));
      dl.appendChild(el("dt", "Status"));
      dl.appendChild(status);
      summaryRow(dl, "Sendout id", s.sendout_id);
      summaryRow(dl, "Event type", s.event_type + (s.type !== s.event_type ? " (type " + s.type + ")" : ""));
      summaryRow(dl, "Event id", s.event_id);
      summaryRow(dl, "Source", s.source.id + " (" + s.source.object + ")");
      summaryRow(dl, "Target URL", s.target_url);
      summaryRow(dl, "Request id", s.request_id);
      if (d.call) {
        dl.appendChild(el("dt", "Caused by API call"));
        const dd = el("dd");
        const link = el("a", "#" + d.call.number + " " + d.call.method + " " + d.call.path + " → " + d.call.status);
        link.href = "#calls";
        link.id = "detail-call";
        link.addEventListener("click", (event) => { event.preventDefault(); $("detail").close(); showCall(d.call.number); });
        dd.appendChild(link);
        dl.appendChild(dd);
      }
      $("detail-curl-text").hidden = true;
      summaryRow(dl, "Event created at", s.event_created_at);
      summaryRow(dl, "Executed at", s.executed_at);
      summaryRow(dl, "Next attempt at", s.next_attempt_at);
      const attempts = $("detail-attempts");
      attempts.replaceChildren(...d.attempts.map((a) => {
        const tr = el("tr");
        tr.appendChild(el("td", a.attempt + (a.duplicate ? " (duplicate)" : ""), "num"));
        const st = el("td");
        st.appendChild(badge(a.status));
        tr.appendChild(st);
        tr.appendChild(el("td", time(a.executed_at)));
        tr.appendChild(el("td", a.http_status === null ? "—" : a.http_status, "num"));
        tr.appendChild(el("td", a.latency_ms + " ms", "num"));
        const error = el("td", a.error || "");
        error.title = a.error || "";
        tr.appendChild(error);
        return tr;
      }));
      $("detail-headers").replaceChildren(...headerRows(d.headers));
      renderBody();
      renderAnswer();
      const retryButton = $("detail-retry");
      retryButton.hidden = !(s.retryable || s.retry_in_flight);
      retryButton.disabled = !!s.retry_in_flight;
      retryButton.textContent = s.retry_in_flight ? "Retrying…" : "Retry";
    }
    function headerRows(list) {
      return list.map((h) => {
        const tr = el("tr");
        tr.appendChild(el("td", h.name, "mono"));
        tr.appendChild(el("td", h.value, "mono"));
        return tr;
      });
    }
    function renderAnswer() {
      const answered = detail.data.attempts.filter((a) => a.response);
      const a = answered[answered.length - 1];
      $("answer").hidden = !a;
      if (!a) return;
      const r = a.response;
      $("answer-hint").textContent = "(attempt " + a.attempt + ", HTTP " + a.http_status + ", " + r.body_bytes + " B" +
        (r.body_bytes > 4096 ? ", first 4 KiB shown" : "") + ")";
      $("answer-headers").replaceChildren(...headerRows(r.headers));
      $("answer-body").textContent = r.body;
    }
    function renderBody() {
      const d = detail.data;
      const pretty = d.body_pretty !== null && !detail.exact;
      $("detail-body").textContent = pretty ? d.body_pretty : d.body;
      $("body-hint").textContent = pretty ? "(pretty-printed)" : "(exact bytes as sent, " +
        new TextEncoder().encode(d.body).length + " B)";
      $("body-toggle").textContent = pretty ? "Show exact bytes" : "Pretty-print";
      $("body-toggle").hidden = d.body_pretty === null;
    }
    async function openDetail(id) {
      detail.id = id;
      detail.exact = false;
      detail.opener = document.activeElement;
      try {
        detail.data = await api("sendouts/" + encodeURIComponent(id));
      } catch (error) { setLive(error.message, "off"); return; }
      renderDetail();
      const dialog = $("detail");
      if (!dialog.open) dialog.showModal();
      $("detail-close").focus();
    }
    async function refreshDetail(changedIDs) {
      if (!$("detail").open || !detail.id || !changedIDs.includes(detail.id)) return;
      try { detail.data = await api("sendouts/" + encodeURIComponent(detail.id)); renderDetail(); } catch (e) { }
    }
    $("detail-close").addEventListener("click", () => $("detail").close());
    $("detail").addEventListener("close", () => {
      const back = detail.opener && detail.opener.dataset ? detail.opener.dataset.id : detail.id;
      detail.id = null;
      const row = back && $("sendout-rows").querySelector("tr[data-id='" + CSS.escape(back) + "']");
      if (row) row.focus();
    });
    $("detail").addEventListener("click", (event) => { if (event.target === $("detail")) $("detail").close(); });
    $("detail-retry").addEventListener("click", () => { if (detail.id) retry(detail.id, $("detail-retry")); });
    $("body-toggle").addEventListener("click", () => { detail.exact = !detail.exact; renderBody(); });
    $("body-copy").addEventListener("click", () => {
      if (navigator.clipboard && detail.data) navigator.clipboard.writeText(detail.data.body).catch(() => {});
    });

    """#
}
