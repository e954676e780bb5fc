/// The page's script, part 4: the "API keys" form. In `sendout serve` a Retry, like every `POST` under `/_sendout/`,
/// needs the app keys; on a 401 the page asks for them once and keeps them in `sessionStorage` (this tab only, gone
/// when it closes), sending them as `X-App-Id` / `X-App-Token` headers, never in a URL. `sendout dashboard` has no
/// keys and never answers 401, so the form never shows there.
extension DashboardPage {
  /// The last part of `dashboard.js`.
  static let keysScript = #"""
    const keysStore = "sendout.appKeys";
    function appKeyHeaders() {
      try {
        const keys = JSON.parse(sessionStorage.getItem(keysStore) || "null");
        return keys && keys.id && keys.token ? { "x-app-id": keys.id, "x-app-token": keys.token } : {};
      } catch (error) { return {}; }
    }
    function askForKeys(refused, then) {
      const form = $("keys-form");
      form.reset();
      $("keys-error").textContent = refused ? "The API refused these keys (401): check them." : "";
      form.onsubmit = (event) => {
        event.preventDefault();
        const keys = { id: form.elements.app_id.value.trim(), token: form.elements.app_token.value };
        sessionStorage.setItem(keysStore, JSON.stringify(keys));
        $("keys").close();
        then();
      };
      $("keys").showModal();
      form.elements.app_id.focus();
    }
    $("keys-cancel").addEventListener("click", () => $("keys").close());

    """#
}
