/// Option descriptions that several commands' `--help` share, written once (aligned to 25 columns).
enum OptionHelp {
  /// `--via`, `--purpose`, `--event-name` (`fire`, `render`).
  static let event = """
      --via KIND             project or distribution (default: where the event is configurable first).
      --purpose P            Distribution purpose: notify_about_promotion, send_and_publish_unique_codes,
                             plain_message (default: the first the docs allow for EVENT).
      --event-name NAME      Distribution "Event name", sent as the envelope type (default: EVENT with dashes).
    """

  /// `--set`, `--unset`, `--set-new` and `--header` (`fire`, `render`).
  static let edits = """
      --set PATH=VALUE       Set a value in the body, e.g. data.customer.email=dev@example.com (repeatable).
      --unset PATH           Remove a key from the body (repeatable).
      --set-new              Let --set create keys the body does not have.
      --header 'name: value' A custom header (names: lowercase letters, digits, dashes). Repeatable.
    """

  /// `--retry-schedule`, `--time-scale`, `--timeout`, `--audit` (`fire`, `run`; `serve` refers to them).
  static let delivery = """
      --retry-schedule S     voucherify (default: 12 retries over 24 h), none, or durations since the
                             first attempt, e.g. 100ms,1s,5s.
      --time-scale F         Multiply every retry delay by F (0.001: the 24 h schedule in ~86 s).
      --timeout D            Per-attempt timeout, e.g. 500ms or 2s (default 10s, as Voucherify); rounded up
                             to whole seconds for https:// and host names (URLSession), exact otherwise.
      --audit FILE           The audit log (default ./sendout-audit.jsonl).
      --ci                   CI mode, also when CI is set: the default schedule runs in 2 minutes, not 24 h.
    """
}
