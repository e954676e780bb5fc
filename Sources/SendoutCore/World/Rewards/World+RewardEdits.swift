extension World {
  /// Adds `reward` under a new id, created now (no event: Voucherify sends none for reward CRUD).
  public mutating func createReward(_ reward: Reward) -> Emitted<Reward> {
    begin(.api)
    var r = reward
    r.id = make(.reward)
    r.createdAt = now
    r.updatedAt = nil
    rewards.append(r)
    return finish(r)
  }

  /// Replaces the reward `reward.id` with `reward`, keeping its creation and redemption count, and stamps
  /// `updated_at` (no event).
  public mutating func updateReward(_ reward: Reward) throws(VoucherifyError) -> Emitted<Reward> {
    let i = try position(in: rewards, reward.id, "reward")
    begin(.api)
    var r = reward
    r.createdAt = rewards[i].createdAt
    r.redeemed = rewards[i].redeemed
    r.updatedAt = now
    rewards[i] = r
    return finish(r)
  }

  /// Deletes a reward and its assignments to loyalty programs (no event).
  public mutating func deleteReward(_ id: String) throws(VoucherifyError) -> Emitted<Reward> {
    let i = try position(in: rewards, id, "reward")
    begin(.api)
    while let a = rewardAssignments.firstIndex(where: { $0.rewardID == id }) { _ = rewardAssignments.remove(at: a) }
    return finish(rewards.remove(at: i))
  }
}
