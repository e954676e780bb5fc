import SendoutCore

extension ArrivalsPage {
  /// The page's JavaScript (`GET /_sendout/arrivals.js`): polls `/_sendout/api/arrivals?since=N` once a second,
  /// adds new rows at the top without moving what the reader is looking at, and shows a row's headers and body
  /// from `/_sendout/api/arrivals/SEQ`. Data goes into the page with `textContent` only.
  public static let script =
    "\"use strict\";\n" + PageChrome.curlScript + """
      (function () {
        const MAX_ROWS = 1000;
        const rows = document.getElementById("rows");
        const scroller = document.getElementById("scroller");
        const statusLine = document.getElementById("status");
        const empty = document.getElementById("empty");
        const detailHint = document.getElementById("detail-hint");
        const detailBody = document.getElementById("detail-body");
        const facts = document.getElementById("detail-facts");
        const headerRows = document.getElementById("detail-headers");
        const raw = document.getElementById("detail-raw");
        const kind = document.getElementById("body-kind");
        let next = 0;
        let selectedSeq = null;
        let shown = 0;
        let current = null;
        const filters = document.getElementById("filters");
        const matchInfo = document.getElementById("match-info");
        const seenTypes = new Set();

        document.getElementById("webhook-url").textContent = location.origin + "/webhooks";

        function cell(tr, text, className) {
          const td = document.createElement("td");
          td.textContent = text;
          td.title = text;
          if (className) td.className = className;
          tr.appendChild(td);
        }

        function bytes(n) {
          return n < 1024 ? n + " B" : (n / 1024).toFixed(1) + " KiB";
        }

        function row(a) {
          const tr = document.createElement("tr");
          tr.dataset.seq = String(a.seq);
          tr.tabIndex = -1;
          cell(tr, String(a.seq), "num");
          cell(tr, a.received_at.slice(11, 23), "mono");
          cell(tr, a.method + " " + a.path, "mono");
          cell(tr, a.event_type === null ? "—" : a.event_type);
          cell(tr, a.sendout_id === null ? "—" : a.sendout_id, "mono");
          cell(tr, a.signature, "sig-" + a.signature);
          cell(tr, bytes(a.size), "num");
          cell(tr, String(a.status), "num status-" + String(a.status).charAt(0) + "xx");
          tr.classList.add("new");
          tr.dataset.event = a.event_type === null ? "" : a.event_type;
          tr.dataset.signature = a.signature;
          tr.dataset.status = String(a.status).charAt(0) + "xx";
          tr.dataset.text = ["#" + a.seq, a.method, a.path, a.event_type, a.sendout_id, a.signature, a.status]
            .join(" ").toLowerCase();
          if (a.event_type !== null && !seenTypes.has(a.event_type)) {
            seenTypes.add(a.event_type);
            const option = document.createElement("option");
            option.textContent = a.event_type;
            filters.elements.event_type.appendChild(option);
          }
          tr.hidden = !matches(tr);
          return tr;
        }

        function filtering() {
          const f = filters.elements;
          return f.event_type.value !== "" || f.signature.value !== "" || f.status.value !== "" || f.q.value.trim() !== "";
        }

        function matches(tr) {
          const f = filters.elements;
          const q = f.q.value.trim().toLowerCase();
          return (f.event_type.value === "" || tr.dataset.event === f.event_type.value) &&
            (f.signature.value === "" || tr.dataset.signature === f.signature.value) &&
            (f.status.value === "" || tr.dataset.status === f.status.value) &&
            (q === "" || tr.dataset.text.includes(q));
        }

        function refilter() {
          let visible = 0;
          for (const tr of rows.rows) { tr.hidden = !matches(tr); if (!tr.hidden) visible++; }
          matchInfo.textContent = filtering() ? visible + " of " + rows.rows.length + " match" : "";
        }

        function insert(arrivals) {
          const before = scroller.scrollHeight;
          const fragment = document.createDocumentFragment();
          for (let i = arrivals.length - 1; i >= 0; i--) fragment.appendChild(row(arrivals[i]));
          rows.insertBefore(fragment, rows.firstChild);
          while (rows.rows.length > MAX_ROWS) rows.deleteRow(rows.rows.length - 1);
          if (filtering()) refilter();
          shown = rows.rows.length;
          empty.hidden = shown > 0;
          if (scroller.scrollTop > 0) scroller.scrollTop += scroller.scrollHeight - before;
          if (!rows.querySelector("tr[tabindex='0']") && rows.rows.length > 0) rows.rows[0].tabIndex = 0;
        }

        function describe(data) {
          const total = data.latest;
          let text = total + (total === 1 ? " arrival" : " arrivals");
          text += " · keeping the last " + data.capacity.toLocaleString("en");
          if (data.dropped > 0) text += " (" + data.dropped + " dropped)";
          if (shown < data.kept) text += " · showing the newest " + shown;
          statusLine.textContent = text + " · live";
        }

        async function poll() {
          let delay = 1000;
          try {
            const response = await fetch("/_sendout/api/arrivals?since=" + next + "&limit=500", { cache: "no-store" });
            const data = await response.json();
            if (data.arrivals.length > 0) insert(data.arrivals);
            next = data.next;
            describe(data);
            if (data.arrivals.length === 500) delay = 0;
          } catch (error) {
            statusLine.textContent = "The listener does not answer; retrying…";
            delay = 2000;
          }
          setTimeout(poll, delay);
        }

        async function start() {
          try {
            const response = await fetch("/_sendout/api/arrivals?limit=0", { cache: "no-store" });
            const data = await response.json();
            next = Math.max(0, data.latest - MAX_ROWS);
          } catch (error) {
            next = 0;
          }
          poll();
        }

        function fact(name, value) {
          const dt = document.createElement("dt");
          dt.textContent = name;
          const dd = document.createElement("dd");
          dd.textContent = value;
          facts.append(dt, dd);
        }

        async function show(tr) {
          for (const other of rows.querySelectorAll("tr[aria-current]")) other.removeAttribute("aria-current");
          tr.setAttribute("aria-current", "true");
          const seq = tr.dataset.seq;
          selectedSeq = seq;
          try {
            const response = await fetch("/_sendout/api/arrivals/" + seq, { cache: "no-store" });
            const a = await response.json();
            if (selectedSeq !== seq) return;
            current = a;
            document.getElementById("curl-text").hidden = true;
            document.getElementById("forward-result").hidden = true;
            if (!response.ok) {
              detailHint.textContent = a.error;
              detailHint.hidden = false;
              detailBody.hidden = true;
              return;
            }
            facts.replaceChildren();
            fact("Arrival", "#" + a.seq);
            fact("Received", a.received_at);
            fact("Request", a.method + " " + a.path);
            fact("Event type", a.event_type === null ? "—" : a.event_type);
            fact("Sendout id", a.sendout_id === null ? "—" : a.sendout_id);
            fact("Signature", a.signature);
            fact("Answered", String(a.status));
            fact("Size", a.size + " B");
            headerRows.replaceChildren();
            for (const h of a.headers) {
              const hr = document.createElement("tr");
              cell(hr, h.name);
              cell(hr, h.value);
              headerRows.appendChild(hr);
            }
            raw.textContent = a.body_pretty === null ? a.body : a.body_pretty;
            kind.textContent = a.body_pretty === null ? "(as received)" : "(JSON, pretty-printed)";
            detailHint.hidden = true;
            detailBody.hidden = false;
          } catch (error) {
            detailHint.textContent = "Could not load arrival " + seq + ".";
            detailHint.hidden = false;
          }
        }

        function visibleFrom(tr, forward) {
          while (tr && tr.hidden) tr = forward ? tr.nextElementSibling : tr.previousElementSibling;
          return tr;
        }

        function focusRow(tr) {
          if (!tr) return;
          for (const other of rows.querySelectorAll("tr[tabindex='0']")) other.tabIndex = -1;
          tr.tabIndex = 0;
          tr.focus();
        }

        rows.addEventListener("click", function (event) {
          const tr = event.target.closest("tr");
          if (!tr) return;
          focusRow(tr);
          show(tr);
        });

        rows.addEventListener("keydown", function (event) {
          const tr = event.target.closest("tr");
          if (!tr) return;
          switch (event.key) {
            case "ArrowDown": focusRow(visibleFrom(tr.nextElementSibling, true)); break;
            case "ArrowUp": focusRow(visibleFrom(tr.previousElementSibling, false)); break;
            case "Home": focusRow(rows.rows[0]); break;
            case "End": focusRow(rows.rows[rows.rows.length - 1]); break;
            case "Enter": case " ": show(tr); break;
            default: return;
          }
          event.preventDefault();
        });

        filters.addEventListener("input", refilter);
        filters.addEventListener("change", refilter);
        filters.addEventListener("submit", function (event) { event.preventDefault(); });

        document.getElementById("copy-curl").addEventListener("click", function () {
          if (!current) return;
          const text = curlCommand(location.origin + current.path, current.headers, current.body);
          const shown = document.getElementById("curl-text");
          shown.textContent = text;
          shown.hidden = false;
          if (navigator.clipboard) navigator.clipboard.writeText(text).catch(function () {});
        });

        function showForward(text, result) {
          document.getElementById("forward-result").hidden = false;
          document.getElementById("forward-summary").textContent = text;
          const headers = document.getElementById("forward-headers");
          headers.replaceChildren();
          const response = result && result.response;
          for (const h of response ? response.headers : []) {
            const hr = document.createElement("tr");
            cell(hr, h.name);
            cell(hr, h.value);
            headers.appendChild(hr);
          }
          document.getElementById("forward-body").textContent = response ? response.body : "";
        }

        document.getElementById("forward-form").addEventListener("submit", async function (event) {
          event.preventDefault();
          if (!current) return;
          const url = document.getElementById("forward-url").value.trim();
          showForward("(sending to " + url + "…)", null);
          try {
            const started = await fetch("/_sendout/api/arrivals/" + current.seq + "/forward", {
              method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ url: url }) });
            const begun = await started.json();
            if (!started.ok) { showForward("(refused: " + begun.error + ")", null); return; }
            for (let i = 0; i < 150; i++) {
              await new Promise(function (done) { setTimeout(done, 100); });
              const result = await (await fetch("/_sendout/api/forwards/" + begun.forward, { cache: "no-store" })).json();
              if (!result.done) continue;
              showForward(result.status === null ? "(no answer: " + result.error + ")"
                : "(HTTP " + result.status + " from " + result.url + " in " + result.latency_ms + " ms)", result);
              return;
            }
            showForward("(no result after 15 s)", null);
          } catch (error) { showForward("(the listener does not answer)", null); }
        });

        start();
      })();

      """
}
