import SendoutCore

/// Vouchers through the mock API: get, enable, disable.
enum APIVouchers {
  /// The operations, by `operationId`.
  static let endpoints: [String: APIEndpoints.Handler] = [
    "get-voucher": getVoucher, "enable-voucher": enableVoucher, "disable-voucher": disableVoucher,
  ]

  /// `GET /v1/vouchers/{code}`: the voucher by code (or id).
  static func getVoucher(_ request: APIRequest, _ world: inout World) throws(APIError) -> APIAnswer {
    APIAnswer(body: .object(try APIEndpoints.voucher(request.parameter("code"), in: world).fullJSON))
  }

  /// `POST /v1/vouchers/{code}/enable`; emits `voucher.enabled`.
  static func enableVoucher(_ request: APIRequest, _ world: inout World) throws(APIError) -> APIAnswer {
    try setActive(request, &world, true)
  }

  /// `POST /v1/vouchers/{code}/disable`; emits `voucher.disabled`.
  static func disableVoucher(_ request: APIRequest, _ world: inout World) throws(APIError) -> APIAnswer {
    try setActive(request, &world, false)
  }

  private static func setActive(_ request: APIRequest, _ world: inout World, _ active: Bool) throws(APIError)
    -> APIAnswer
  {
    let id = try APIEndpoints.voucher(request.parameter("code"), in: world).id
    let changed = try APIEndpoints.apply { () throws(WorldOperationError) in
      try world.setVoucherActive(id, active, channel: .api)
    }
    return APIAnswer(body: .object(changed.value.fullJSON), events: changed.events)
  }
}
