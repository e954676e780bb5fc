extension WorldEvent {
  /// Appends the bytes of `.object(data(for: purpose))` without building the filtered object: the members of
  /// `fullData` the purpose includes, each replaced by the purpose's override of the same key when there is one
  /// (tested byte-identical with the tree for every event type and place).
  func writeData(for purpose: DistributionPurpose?, into out: inout ByteBuffer) {
    guard let purpose else { return JSONWriter.writeObject(fullData, into: &out) }
    let overrides = purposeOverrides[purpose]
    out.append(UInt8(ascii: "{"))
    var first = true
    for member in fullData.members where purposeKeys[member.key].map({ $0.contains(purpose) }) ?? true {
      if !first { out.append(UInt8(ascii: ",")) }
      first = false
      JSONWriter.writeString(member.key, into: &out)
      out.append(UInt8(ascii: ":"))
      JSONWriter.writeCompact(overrides?[member.key] ?? member.value, into: &out)
    }
    out.append(UInt8(ascii: "}"))
  }
}
