/// The page's script, part 1: helpers, the sendouts table, filters, paging, Retry (with the keys of part 4) and live updates (polling a
/// `?since=` cursor). Every value from the server reaches the page through `textContent`, never as markup.
extension DashboardPage {
  /// The first part of `dashboard.js`.
  static let script = #"""
    "use strict";
    const config = JSON.parse(document.getElementById("sendout-config").textContent);
    const $ = (id) => document.getElementById(id);
    const state = { page: 1, pages: 1, cursor: null, rows: [], filters: {}, view: "sendouts", polling: false };

    function el(tag, text, className) {
      const node = document.createElement(tag);
      if (text !== undefined && text !== null) node.textContent = String(text);
      if (className) node.className = className;
      return node;
    }
    function cell(main, sub, className) {
      const td = el("td", null, className);
      td.appendChild(el("span", main, "main"));
      if (sub !== undefined) td.appendChild(el("span", sub, "sub"));
      td.title = sub ? main + "\n" + sub : String(main);
      return td;
    }
    function time(iso) { return iso ? iso.replace("T", " ").replace(/\.\d+Z$/, "").replace("Z", "") : "—"; }
    async function api(path, options) {
      const response = await fetch(config.api + path, Object.assign({ headers: { "accept": "application/json" } },
        options || {}));
      const body = await response.json().catch(() => ({}));
      if (!response.ok) {
        const failure = new Error(body.details || body.message || ("HTTP " + response.status));
        failure.status = response.status;
        throw failure;
      }
      return body;
    }
    function query(params) {
      const q = new URLSearchParams();
      for (const [k, v] of Object.entries(params)) if (v !== "" && v !== undefined && v !== null) q.set(k, v);
      const s = q.toString();
      return s ? "?" + s : "";
    }
    function setLive(text, className) { const live = $("live"); live.textContent = text; live.className = "live " + className; }

    function badge(status) { return el("span", status, "badge " + status); }
    function sendoutRow(s) {
      const tr = el("tr");
      tr.tabIndex = 0;
      tr.dataset.id = s.sendout_id;
      const status = el("td");
      status.appendChild(badge(s.retry_in_flight ? "RETRYING" : s.status));
      tr.appendChild(status);
      tr.appendChild(cell(s.event_type, s.event_id || " "));
      tr.appendChild(cell(s.sendout_id, s.request_id, "mono"));
      tr.appendChild(cell(s.source ? s.source.id : "", s.source ? s.source.object : "", "mono"));
      tr.appendChild(cell(s.target_url, s.error || " "));
      tr.appendChild(cell(s.http_status === null ? "—" : s.http_status, undefined, "num"));
      tr.appendChild(cell(s.latency_ms + " ms", undefined, "num"));
      tr.appendChild(cell(s.attempts, undefined, "num"));
      tr.appendChild(cell(time(s.executed_at), time(s.event_created_at)));
      const actions = el("td");
      if (s.retryable || s.retry_in_flight) {
        const button = el("button", s.retry_in_flight ? "…" : "Retry", "retry");
        button.type = "button";
        button.disabled = !!s.retry_in_flight;
        button.setAttribute("aria-label", "Retry " + s.sendout_id);
        button.addEventListener("click", (event) => { event.stopPropagation(); retry(s.sendout_id, button); });
        actions.appendChild(button);
      }
      tr.appendChild(actions);
      tr.addEventListener("click", () => openDetail(s.sendout_id));
      tr.addEventListener("keydown", (event) => rowKey(event, tr, s.sendout_id));
      return tr;
    }
    function rowKey(event, tr, id) {
      if (event.target !== tr) return;
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); openDetail(id); }
      else if (event.key === "ArrowDown" && tr.nextElementSibling) { event.preventDefault(); tr.nextElementSibling.focus(); }
      else if (event.key === "ArrowUp" && tr.previousElementSibling) { event.preventDefault(); tr.previousElementSibling.focus(); }
      else if (event.key === "r" && tr.querySelector("button.retry:not([disabled])")) {
        tr.querySelector("button.retry").click();
      }
    }
    function placeholder(body, text, columns) {
      const tr = el("tr", null, "placeholder");
      const td = el("td", text);
      td.colSpan = columns;
      tr.appendChild(td);
      body.replaceChildren(tr);
    }
    function fillSelect(select, values) {
      const current = select.value;
      const known = Array.from(select.options).map((o) => o.value);
      if (known.length === values.length + 1 && values.every((v, i) => known[i + 1] === v)) return;
      const first = select.options[0];
      select.replaceChildren(first);
      for (const v of values) { const o = el("option", v); o.value = v; select.appendChild(o); }
      select.value = values.includes(current) ? current : "";
    }

    async function loadSendouts() {
      const form = $("filters");
      const params = Object.assign(Object.fromEntries(new FormData(form)), { page: state.page, limit: 50 });
      const list = await api("sendouts" + query(params));
      const focused = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.id : null;
      const before = new Set(state.rows.map((r) => r.sendout_id + r.status + r.attempts));
      state.rows = list.sendouts;
      state.pages = list.pages;
      state.cursor = list.cursor;
      fillSelect(form.elements.event_type, list.event_types);
      fillSelect(form.elements.source, list.sources);
      const body = $("sendout-rows");
      if (list.sendouts.length === 0) {
        placeholder(body, list.total === 0 && !params.status && !params.q && !params.event_type && !params.source
          ? "No sendouts recorded in this audit log yet." : "No sendouts match.", 10);
      } else {
        const rows = list.sendouts.map(sendoutRow);
        if (before.size > 0) rows.forEach((tr, i) => {
          const s = list.sendouts[i];
          if (!before.has(s.sendout_id + s.status + s.attempts)) tr.classList.add("fresh");
        });
        body.replaceChildren(...rows);
        if (focused) { const again = body.querySelector("tr[data-id='" + CSS.escape(focused) + "']"); if (again) again.focus(); }
      }
      $("page-info").textContent = list.total + " sendout" + (list.total === 1 ? "" : "s") + " · page " + list.page +
        " of " + list.pages;
      $("prev").disabled = state.page <= 1;
      $("next").disabled = state.page >= list.pages;
      loadSources();
    }

    async function retry(id, button) {
      if (button) { button.disabled = true; button.textContent = "…"; }
      const keys = appKeyHeaders();
      try {
        await api("sendouts/" + encodeURIComponent(id) + "/retry",
          { method: "POST", headers: Object.assign({ "accept": "application/json" }, keys) });
        setLive("retrying " + id.slice(0, 12) + "…", "on");
        setTimeout(poll, 150);
      } catch (error) {
        if (button) { button.disabled = false; button.textContent = "Retry"; }
        if (error.status === 401) {
          setLive("Retry needs the API keys", "off");
          askForKeys(Object.keys(keys).length > 0, () => retry(id, button));
          return;
        }
        setLive("retry failed: " + error.message, "off");
      }
    }

    async function poll() {
      if (state.polling || document.hidden) return;
      state.polling = true;
      try {
        const changes = await api("sendouts/changes" + query({ since: state.cursor }));
        if (changes.reset || changes.total_changed > 0) {
          await loadSendouts();
          await refreshDetail(changes.sendouts.map((s) => s.sendout_id));
        } else {
          state.cursor = changes.cursor;
        }
        setLive("live · " + new Date().toLocaleTimeString(), "on");
      } catch (error) {
        setLive("disconnected", "off");
      } finally { state.polling = false; }
    }

    function filtersChanged() { state.page = 1; loadSendouts().catch((e) => setLive(e.message, "off")); }
    $("filters").addEventListener("change", filtersChanged);
    let searchTimer = null;
    $("filters").elements.q.addEventListener("input", () => { clearTimeout(searchTimer); searchTimer = setTimeout(filtersChanged, 200); });
    $("filters").addEventListener("submit", (event) => event.preventDefault());
    $("prev").addEventListener("click", () => { state.page = Math.max(1, state.page - 1); loadSendouts(); });
    $("next").addEventListener("click", () => { state.page = Math.min(state.pages, state.page + 1); loadSendouts(); });

    """#
}
