extension SingleEventRequest {
  /// A sendout carrying `body` (any JSON, `fire --body`) instead of a rendered event: sent through this request's
  /// project webhook (or distribution with `via`), signed. Its sendout id is the body's top-level `id` when that is
  /// a plain id (`isPlainID`), so the listener, the receiver and the audit log agree; else minted from the seed.
  /// The envelope is not added; the audit log's event type is the body's `type` when it has one, else `custom`.
  /// Without edits the bytes are sent exactly as given; with edits the body is written again by `JSONWriter`.
  public func sendout(customBody body: [UInt8]) throws(RenderError) -> Sendout {
    let json: JSON
    do { json = try JSONParser.parse(body) } catch { throw .invalidBody(error) }
    let endpoint = endpoint(kind: via ?? .webhook, purpose: nil)
    let builder = SendoutBuilder(endpoint: endpoint, seed: seed)
    var ids = IDFactory(seed: seed ^ 0xB0D1_5E4D)
    let type = json["type"]?.stringValue ?? "custom"
    let bytes = edits.isEmpty ? body : try edited(body)
    let sent = edits.isEmpty ? json : (try? JSONParser.parse(bytes)) ?? json  // `--set id=…` counts
    let bodyID = sent["id"]?.stringValue.flatMap { Self.isPlainID($0) ? $0 : nil }
    return Sendout(
      id: bodyID ?? ids.make(.sendout, at: start), eventType: type, type: type, source: endpoint.source,
      eventID: json.value(atPath: "event.id")?.stringValue ?? "", eventCreatedAt: start, requestID: "",
      createdAt: start, body: bytes, headers: builder.headers(for: bytes))
  }

  /// Whether `id` can be a sendout id as given: 1 to 128 ASCII letters, digits, `_`, `-`, `.` or `:` (nothing a
  /// terminal, a file name or a command line would take for something else).
  public static func isPlainID(_ id: String) -> Bool {
    (1...128).contains(id.utf8.count)
      && id.utf8.allSatisfy { c in
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || "_-.:".utf8.contains(c)
      }
  }

  /// `body` with `edits` applied, written again compactly (the bytes the signature is computed on).
  func edited(_ body: [UInt8]) throws(RenderError) -> [UInt8] {
    let json: JSON
    do { json = try JSONParser.parse(body) } catch { throw .invalidBody(error) }
    do {
      return JSONWriter().bytes(try JSONEdit.apply(edits, to: json, createMissing: createsMissingKeys))
    } catch { throw .badEdit(error) }
  }
}
