/// Request bodies that once broke `sendout serve`, shared by the in-process and the loopback tests.
public enum ServeRepro {
  /// Issue 17's red-team body: an order item whose `price × quantity` overflowed and trapped the mock API; with
  /// `code`, the form that reached the multiplication (without, a 400 before the order was read).
  public static func overflowingOrder(code: String?) -> String {
    let redeemables = code.map { #""redeemables":[{"object":"voucher","id":"\#($0)"}],"# } ?? ""
    return "{" + redeemables + #""order":{"items":[{"price":9223372036854775807,"quantity":2}]}}"#
  }
}
