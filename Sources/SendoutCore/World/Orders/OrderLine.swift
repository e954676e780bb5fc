/// One line of an order to place: a product and a quantity.
public struct OrderLine: Sendable, Equatable {
  /// `prod_…`.
  public var productID: String
  /// Units.
  public var quantity: Int

  /// Creates a line.
  public init(productID: String, quantity: Int = 1) {
    self.productID = productID
    self.quantity = quantity
  }
}
