import SendoutCore
import SendoutSessions

/// `sendout render`: prints the exact body (or request) a sendout would carry.
enum RenderCommand: Command {
  static let name = "render"
  static let summary = "Print the exact webhook body (or whole request) for one event."
  static let help = """
    USAGE: sendout render EVENT [--seed N] [--via project|distribution] [--secret S] [--request] [--pretty]
                                [--purpose P] [--event-name NAME] [--at TIME] [--to URL] [--header 'name: value']…
                                [--set PATH=VALUE]… [--unset PATH]… [--set-new]

    Prints the exact v2024-01-01 body Voucherify would send for EVENT, then one newline. The same
    seed always gives the same bytes; a different seed gives different ids and values.

    --set PATH=VALUE changes the body before it is signed: PATH is dotted keys into the body
    (data.customer.email; numeric segments index arrays, data.order.items.0.quantity), VALUE is JSON
    when it parses as JSON (12900, true, null, {"a":1}, '"12"' for a string of digits), else text.
    --unset PATH removes a key. Edits apply in command-line order; the body is written again compactly
    and the signature is computed on those final bytes. A path that does not exist is an error naming
    the nearest existing parent (exit 64), unless --set-new lets --set create it.

    OPTIONS:
      --seed N               Seed for every id and value (default 1).
    \(OptionHelp.event)
      --at TIME              Simulated clock start, ISO-8601 UTC or 'now' (default 2024-03-13T13:45:00.000Z).
      --to URL               target_url recorded in source (default http://127.0.0.1:8080/webhooks).
      --secret S             Sign the body; shown with --request as x-voucherify-signature.
    \(OptionHelp.edits)
      --request              Print {"method","url","headers","body"}; body is the exact string sent
                             (authorization-like header values are redacted).
      --pretty               Indent the output (the signature is always over the compact bytes sent).

    EXAMPLES:
      sendout render customer.publication.succeeded
      sendout render redemption.succeeded --seed 7 --pretty
      sendout render customer.redemption.succeeded --via distribution --event-name Voucher-redeemed
      sendout render voucher.published --secret s3cret --request
      sendout render customer.order.paid --set data.order.amount=12900 --unset data.order.metadata
    """

  static func run(_ arguments: inout Arguments) async throws(CLIError) -> Int32 {
    let asRequest = arguments.flag("--request")
    let pretty = arguments.flag("--pretty")
    let target = try arguments.option("--to") ?? "http://127.0.0.1:8080/webhooks"
    var options = try EventOptions.parse(&arguments, eventType: "", targetURL: target)
    try EditOptions.parse(&arguments, into: &options.request)
    let headers = try DeliveryOptions.parseHeaders(&arguments)
    let rest = try arguments.positionals()
    guard rest.count == 1 else {
      throw .usage(
        rest.isEmpty ? "Missing EVENT: run 'sendout events' for the list" : "Expected one EVENT, got \(rest.count)")
    }
    var request = options.request
    request.eventType = rest[0]
    request.headers = headers
    let sendout: Sendout
    do { sendout = try request.sendout() } catch { throw .usage(error.message) }
    let writer = JSONWriter(pretty: pretty)
    if asRequest {
      Console.out(writer.string(requestJSON(sendout)))
    } else if pretty {
      let body = (try? JSONParser.parse(sendout.body)) ?? .null
      Console.out(writer.string(body))
    } else {
      Console.outBytes(sendout.body + [0x0A])
    }
    return 0
  }

  /// `{"method","url","headers","body"}` for `--request`.
  static func requestJSON(_ sendout: Sendout) -> JSON {
    [
      "method": "POST",
      "url": .string(TargetURL.withoutPassword(sendout.source.targetURL)),
      "headers": CustomHeader.redactedJSON(sendout.headers),
      "body": .string(String(decoding: sendout.body, as: UTF8.self)),
    ]
  }
}
