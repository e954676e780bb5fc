/// The page's script, part 3: the world tabs of `sendout serve` (customers, vouchers, campaigns), tab switching by
/// the URL's `#hash`, and start-up (first load, then polling once a second while the page is visible).
extension DashboardPage {
  /// The last part of `dashboard.js`.
  static let worldScript = #"""
    const money = (cents) => cents === null || cents === undefined ? "—" : (cents / 100).toFixed(2);
    const worldColumns = {
      customers: [["Name", (c) => c.name, (c) => c.email], ["Source id", (c) => c.source_id, null, "", 170],
        ["Id", (c) => c.id, null, "mono", 230], ["Orders", (c) => c.orders, null, "num", 80],
        ["Orders amount", (c) => money(c.orders_amount), null, "num", 130],
        ["Redemptions", (c) => c.redemptions, null, "num", 110],
        ["Loyalty points", (c) => c.loyalty_points, null, "num", 120], ["Created (UTC)", (c) => time(c.created_at), null, "", 170]],
      vouchers: [["Code", (v) => v.code, (v) => v.id, "", 200], ["Type", (v) => v.type, null, "", 180],
        ["Campaign", (v) => v.campaign],
        ["Redemptions", (v) => v.redeemed_quantity + " / " + (v.redemption_quantity === null ? "∞" : v.redemption_quantity),
          null, "num", 110],
        ["Gift balance", (v) => money(v.gift_balance), null, "num", 110],
        ["Loyalty balance", (v) => v.loyalty_balance === null ? "—" : v.loyalty_balance, null, "num", 130],
        ["Holder", (v) => v.holder_id || "—", null, "mono", 150], ["Active", (v) => v.active ? "yes" : "no", null, "", 70],
        ["Expires (UTC)", (v) => time(v.expiration_date), null, "", 170]],
      campaigns: [["Name", (c) => c.name, (c) => c.id], ["Type", (c) => c.campaign_type, null, "", 190],
        ["Vouchers", (c) => c.vouchers_count, null, "num", 100], ["Redeemed", (c) => c.redeemed_quantity, null, "num", 100],
        ["Active", (c) => c.active ? "yes" : "no", null, "", 80], ["Created (UTC)", (c) => time(c.created_at), null, "", 170]],
    };
    const world = { kind: null, page: 1, pages: 1 };

    async function loadWorld() {
      const columns = worldColumns[world.kind];
      const head = $("world-head");
      head.replaceChildren(...columns.map((c) => {
        const th = el("th", c[0], c[3] === "num" ? "num" : "");
        th.scope = "col";
        if (c[4]) th.style.width = c[4] + "px";  // fixed widths: pages never shift the columns
        return th;
      }));
      $("world-caption").textContent = world.kind;
      const q = $("world-filters").elements.q.value;
      let list;
      try { list = await api("world/" + world.kind + query({ q: q, page: world.page, limit: 50 })); }
      catch (error) { placeholder($("world-rows"), error.message, columns.length); return; }
      world.pages = list.pages;
      if (list.items.length === 0) placeholder($("world-rows"), "Nothing matches.", columns.length);
      else $("world-rows").replaceChildren(...list.items.map((item) => {
        const tr = el("tr");
        for (const c of columns) tr.appendChild(c[2] ? cell(c[1](item), c[2](item), c[3]) : cell(c[1](item), undefined, c[3]));
        return tr;
      }));
      $("world-page-info").textContent = list.total + " " + world.kind + " · page " + list.page + " of " + list.pages;
      $("world-prev").disabled = world.page <= 1;
      $("world-next").disabled = world.page >= list.pages;
    }

    function showView() {
      const wanted = location.hash.replace("#", "") || "sendouts";
      const kind = (config.world && worldColumns[wanted]) || (config.serve && wanted === "calls") ? wanted : "sendouts";
      state.view = kind;
      for (const tab of document.querySelectorAll(".tabs a")) {
        tab.setAttribute("aria-selected", tab.id === "tab-" + kind ? "true" : "false");
      }
      $("view-sendouts").hidden = kind !== "sendouts";
      $("view-world").hidden = kind === "sendouts" || kind === "calls";
      if (config.serve) $("view-calls").hidden = kind !== "calls";
      if (kind === "calls") loadCalls();
      else if (kind !== "sendouts") {
        if (world.kind !== kind) { world.kind = kind; world.page = 1; $("world-filters").elements.q.value = ""; }
        $("view-world").setAttribute("aria-labelledby", "tab-" + kind);
        loadWorld();
      }
    }
    window.addEventListener("hashchange", showView);
    let worldTimer = null;
    $("world-filters").elements.q.addEventListener("input", () => {
      clearTimeout(worldTimer);
      worldTimer = setTimeout(() => { world.page = 1; loadWorld(); }, 200);
    });
    $("world-filters").addEventListener("submit", (event) => event.preventDefault());
    $("world-prev").addEventListener("click", () => { world.page = Math.max(1, world.page - 1); loadWorld(); });
    $("world-next").addEventListener("click", () => { world.page = Math.min(world.pages, world.page + 1); loadWorld(); });

    showView();
    loadSendouts().then(() => { setLive("live", "on"); }).catch((error) => setLive(error.message, "off"));
    setInterval(poll, 1000);
    document.addEventListener("visibilitychange", poll);
    """#
}
