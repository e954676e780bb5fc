/// A resource moved to the bin (`tbe_…`) by a delete without `force`: a campaign (with its codes) or a voucher. Its
/// code stays taken until the entry is deleted for good (`DELETE /v1/trash-bin/{id}`).
public struct BinEntry: Sendable, Equatable, Identifiable {
  /// `tbe_…`.
  public var id: String
  /// When the resource was moved to the bin.
  public var createdAt: Timestamp
  /// The dashboard user who deleted it; `nil` through the API.
  public var deletedByUserID: String?
  /// The resource's id.
  public var resourceID: String
  /// `campaign`, `product`, `sku` or `voucher`.
  public var resourceType: String
  /// The campaign's, product's or SKU's name, or the voucher's code.
  public var resourceName: String
  /// The voucher's campaign or the SKU's product; `nil` for campaigns and products.
  public var resourceParentID: String?

  /// `TrashBinItem`.
  public var json: JSONObject {
    [
      "id": .string(id), "created_at": .time(createdAt), "deleted_by_user_id": .str(deletedByUserID),
      "resource_id": .string(resourceID), "resource_type": .string(resourceType),
      "resource_name": .string(resourceName), "resource_parent_id": .str(resourceParentID),
      "object": .string(resourceType),
    ]
  }
}
