import SendoutCore

/// The page's script, part 5: the Sources panel (each webhook target with its state and a Resume button), `POST`s
/// that take the app keys in `sendout serve` (`keyed`), and "Copy as cURL" in Show data. Text only via `textContent`.
extension DashboardPage {
  /// The sources part of `dashboard.js`.
  static let sourcesScript =
    #"""
    async function keyed(url, body, contentType) {
      const options = { method: "POST", headers: Object.assign({ "accept": "application/json" }, appKeyHeaders()) };
      if (body !== undefined) { options.body = body; options.headers["content-type"] = contentType || "application/json"; }
      const response = await fetch(url, options);
      const answer = await response.json().catch(() => ({}));
      if (response.status === 401) {
        return new Promise((resolve, reject) => askForKeys(Object.keys(appKeyHeaders()).length > 0,
          () => keyed(url, body, contentType).then(resolve, reject)));
      }
      if (!response.ok) throw new Error(answer.details || answer.message || ("HTTP " + response.status));
      return answer;
    }
    function sourceRow(s) {
      const tr = el("tr");
      tr.dataset.source = s.id;
      const state = el("td");
      state.appendChild(badge(s.state.toUpperCase()));
      tr.appendChild(state);
      tr.appendChild(cell(s.id, s.object, "mono"));
      tr.appendChild(cell(s.target_url, "last sendout " + s.last_status));
      tr.appendChild(cell(s.sendouts, undefined, "num"));
      const by = el("td", s.paused_by ? null : "—", "mono");
      if (s.paused_by) {
        const link = el("a", s.paused_by);
        link.href = "#sendouts";
        link.addEventListener("click", (event) => { event.preventDefault(); openDetail(s.paused_by); });
        by.appendChild(link);
      }
      tr.appendChild(by);
      const actions = el("td");
      if (s.state !== "live") {
        const button = el("button", s.resume_in_flight ? "…" : "Resume", "retry resume");
        button.type = "button";
        button.disabled = !!s.resume_in_flight;
        button.setAttribute("aria-label", "Resume " + s.id);
        button.addEventListener("click", () => resumeSource(s.id, button));
        actions.appendChild(button);
      }
      tr.appendChild(actions);
      return tr;
    }
    async function loadSources() {
      let list;
      try { list = await api("sources"); } catch (error) { return; }
      $("sources").hidden = list.sources.length === 0;
      $("source-rows").replaceChildren(...list.sources.map(sourceRow));
    }
    async function resumeSource(id, button) {
      button.disabled = true;
      button.textContent = "…";
      try {
        await keyed(config.api + "sources/" + encodeURIComponent(id) + "/resume");
        setLive("resumed " + id, "on");
      } catch (error) { setLive("resume failed: " + error.message, "off"); }
      await loadSources();
      setTimeout(poll, 150);
    }
    $("detail-curl").addEventListener("click", () => {
      if (!detail.data) return;
      const text = curlCommand(detail.data.sendout.target_url, detail.data.headers, detail.data.body);
      $("detail-curl-text").textContent = text;
      $("detail-curl-text").hidden = false;
      if (navigator.clipboard) navigator.clipboard.writeText(text).catch(() => {});
    });

    """# + PageChrome.curlScript
}
