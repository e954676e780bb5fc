extension World {
  /// Removes a segment (no event: Voucherify sends none for it; its members simply are in it no more).
  public mutating func deleteSegment(_ id: String) throws(VoucherifyError) -> Segment {
    let i = try position(in: segments, id, "segment")
    tick()
    return segments.remove(at: i)
  }
}
