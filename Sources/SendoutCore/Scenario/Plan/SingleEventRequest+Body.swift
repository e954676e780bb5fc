extension SingleEventRequest {
  /// A sendout carrying `body` (any JSON, `fire --body`) instead of a rendered event: sent through this request's
  /// project webhook (or distribution with `via`), its sendout id minted fresh from the seed at `start`, signed.
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
    return Sendout(
      id: ids.make(.sendout, at: start), eventType: type, type: type, source: endpoint.source,
      eventID: json.value(atPath: "event.id")?.stringValue ?? "", eventCreatedAt: start, requestID: "",
      createdAt: start, body: bytes, headers: builder.headers(for: bytes))
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
