extension Envelope {
  /// Appends the bytes of `eventBlock(event)` without building the tree (the renderer's hot path; tested to be
  /// byte-identical with the tree for every event type).
  static func writeEventBlock(_ event: WorldEvent, into out: inout ByteBuffer) {
    out.append(#"{"id":"#)
    JSONWriter.writeString(event.eventID, into: &out)
    out.append(#","type":"#)
    JSONWriter.writeString(event.type, into: &out)
    out.append(#","created_at":"#)
    writeTimestamp(event.createdAt, into: &out)
    out.append(#","entity_id":"#)
    JSONWriter.writeString(event.entityID, into: &out)
    out.append(#","group_id":"#)
    JSONWriter.writeString(event.groupID, into: &out)
    out.append(#","event_source":{"channel":"#)
    JSONWriter.writeString(event.channel, into: &out)
    if let user = event.userID {
      out.append(#","user":{"id":"#)
      JSONWriter.writeString(user, into: &out)
      out.append(UInt8(ascii: "}"))
    }
    if let key = event.apiKey {
      out.append(#","api_key":{"name":"#)
      JSONWriter.writeString(key.name, into: &out)
      out.append(#","app_id":"#)
      JSONWriter.writeString(key.appID, into: &out)
      out.append(UInt8(ascii: "}"))
    }
    out.append("}}")
  }

  /// Appends `time` as a quoted ISO-8601 string, as `JSON.string(time.iso8601)` writes it.
  static func writeTimestamp(_ time: Timestamp, into out: inout ByteBuffer) {
    let p = out.reserve(26)
    guard time.writeISO8601(into: UnsafeMutableBufferPointer(start: p + 1, count: 24)) else {
      JSONWriter.writeString(time.iso8601, into: &out)
      return
    }
    p[0] = UInt8(ascii: "\"")
    p[25] = UInt8(ascii: "\"")
    out.advance(26)
  }
}
