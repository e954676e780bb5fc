extension World {
  /// Takes `points` spent (removed by hand, paid for a reward, transferred) from the card's active buckets, soonest
  /// expiry first, so what is left in each bucket is what can still expire: Voucherify lists a bucket whose points were
  /// spent with `total_points` 0 and still `ACTIVE` (the example of `GET …/points-expiration`). Points beyond the
  /// buckets are the card's points that never expire (those it was created with).
  mutating func spendBuckets(ofVoucher voucherID: String, points: Int) {
    var left = points
    for bucket in activeBuckets(ofVoucher: voucherID).sorted(by: { $0.expiresAt < $1.expiresAt }) where left > 0 {
      guard bucket.points > 0, let bi = buckets.position(of: bucket.id) else { continue }
      let taken = min(bucket.points, left)
      buckets[bi].points -= taken
      buckets[bi].updatedAt = now
      left -= taken
    }
  }

  /// The card's active buckets that still hold points.
  func bucketsWithPoints(ofVoucher voucherID: String) -> [PointsBucket] {
    activeBuckets(ofVoucher: voucherID).filter { $0.points > 0 }
  }
}
