/// The page's script, part 6 (`sendout serve` only): the API calls tab (each call linked to the sendouts it caused,
/// and back from Show data) and the controls: advance the clock, reset the world, pause or resume delivery, load a
/// scenario file. Each control is the documented `POST` under `/_sendout/`, with the app keys.
extension DashboardPage {
  /// The serve part of `dashboard.js`.
  static let serveScript = #"""
    const calls = { highlight: null };
    async function loadCalls() {
      if (!config.serve) return;
      let list;
      try { list = await api("calls"); } catch (error) { return; }
      if (list.calls.length === 0) { placeholder($("call-rows"), "No API calls yet.", 6); return; }
      $("call-rows").replaceChildren(...list.calls.map((c) => {
        const tr = el("tr", null, c.number === calls.highlight ? "target" : "");
        tr.id = "call-" + c.number;
        tr.tabIndex = -1;
        tr.appendChild(cell(c.number, undefined, "num"));
        tr.appendChild(cell(time(c.at)));
        tr.appendChild(cell(c.method, undefined, "mono"));
        tr.appendChild(cell(c.path, undefined, "mono"));
        tr.appendChild(cell(c.status, undefined, "num" + (c.status >= 400 ? " bad" : "")));
        const caused = el("td", c.sendout_ids.length === 0 ? "—" : null, "caused");
        for (const id of c.sendout_ids) {
          const link = el("a", id, "mono");
          link.href = "#sendouts";
          link.addEventListener("click", (event) => { event.preventDefault(); openDetail(id); });
          caused.appendChild(link);
        }
        tr.appendChild(caused);
        return tr;
      }));
      if (calls.highlight !== null) {
        const row = $("call-" + calls.highlight);
        if (row) { row.scrollIntoView({ block: "center" }); row.focus(); }
      }
    }
    function showCall(number) {
      calls.highlight = number;
      if (location.hash === "#calls") loadCalls(); else location.hash = "#calls";
    }
    async function readControls() {
      if (!config.serve) return;
      try {
        const clock = await (await fetch("/_sendout/clock")).json();
        $("clock-now").textContent = time(clock.now) + (clock.simulated ? " (simulated)" : " (wall clock)");
        $("clock-advance").disabled = !clock.simulated;
        const delivery = await (await fetch("/_sendout/delivery")).json();
        $("delivery-state").textContent = delivery.held ? "paused" : "on";
        $("delivery-toggle").textContent = delivery.held ? "Resume delivery" : "Pause delivery";
        $("delivery-toggle").dataset.held = delivery.held ? "1" : "";
      } catch (error) { }
    }
    async function control(what, url, body) {
      $("control-result").textContent = what + "…";
      try {
        const answer = await keyed(url, body);
        $("control-result").textContent = what + ": " + describe(answer);
      } catch (error) { $("control-result").textContent = what + " refused: " + error.message; }
      await readControls();
      loadCalls();
      setTimeout(poll, 150);
    }
    function describe(answer) {
      if (answer.object === "scenario") return answer.name + " (" + answer.sendouts + " sendouts)";
      if (answer.now) return time(answer.now) + (answer.events !== undefined ? ", " + answer.events + " events" : "");
      if (answer.object === "delivery") return answer.held ? "paused" : "on";
      return "done";
    }
    if (config.serve) {
      $("clock-form").addEventListener("submit", (event) => {
        event.preventDefault();
        control("Clock", "/_sendout/clock", JSON.stringify({ advance: $("clock-form").elements.advance.value.trim() }));
      });
      $("delivery-toggle").addEventListener("click", () => {
        const held = $("delivery-toggle").dataset.held === "1";
        control("Delivery", held ? "/_sendout/delivery/resume" : "/_sendout/delivery/pause");
      });
      $("world-reset").addEventListener("click", () => control("Reset", "/_sendout/reset"));
      $("scenario-load").addEventListener("click", async () => {
        const file = $("scenario-file").files[0];
        if (!file) { $("control-result").textContent = "Choose a scenario file first"; return; }
        control("Scenario", "/_sendout/scenario", await file.text());
      });
      readControls();
      setInterval(() => { if (!document.hidden) { readControls(); if (state.view === "calls") loadCalls(); } }, 1000);
    }

    """#
}
