extension SchemaCall {
  /// The calls of the catalogue (products, SKUs, collections, rewards), the project's settings (metadata and custom
  /// event schemas), a customer's records, loyalty programs, exports and async actions, after `firstRows`.
  static let catalogueAndSettingsRows: [SchemaCall] = [
    // Products and SKUs
    SchemaCall(
      "create-product", "/v1/products", body: #"{"source_id":"schema-shirt","name":"Shirt","price":2500}"#,
      keeps: ["product": "id"]),
    SchemaCall("get-product", "/v1/products/schema-shirt"),
    SchemaCall("update-product", "/v1/products/{product}", body: #"{"attributes":["size"]}"#),
    SchemaCall("list-products", "/v1/products"),
    SchemaCall(
      "create-sku", "/v1/products/{product}/skus", body: #"{"source_id":"schema-shirt-l","attributes":{"size":"L"}}"#,
      keeps: ["sku": "id"]),
    SchemaCall("get-sku", "/v1/skus/{sku}"),
    SchemaCall("update-sku", "/v1/products/{product}/skus/{sku}", body: #"{"price":2700}"#),
    SchemaCall("list-SKUs-in-product", "/v1/products/{product}/skus"),
    // Product collections
    SchemaCall(
      "create-product-collection", "/v1/product-collections",
      body:
        #"{"type":"STATIC","name":"Schema shirts","products":[{"id":"{product}","object":"product"},{"id":"{sku}","product_id":"{product}","object":"sku"}]}"#,
      keeps: ["collection": "id"]),
    SchemaCall(
      "create-product-collection", "/v1/product-collections",
      body:
        #"{"type":"AUTO_UPDATE","name":"Cheap","filter":{"junction":"and","price":{"conditions":{"$less_than":[3000]}}}}"#
    ),
    SchemaCall("get-product-collection", "/v1/product-collections/{collection}"),
    SchemaCall("list-product-collections", "/v1/product-collections"),
    SchemaCall("list-products-in-collection", "/v1/product-collections/{collection}/products"),
    SchemaCall("delete-product-collection", "/v1/product-collections/{collection}"),
    // Rewards
    SchemaCall(
      "create-reward", "/v1/rewards",
      body: #"{"name":"Schema shirt","parameters":{"product":{"id":"{product}","sku_id":"{sku}"}},"stock":5}"#,
      keeps: ["ownReward": "id"]),
    SchemaCall("get-reward", "/v1/rewards/{ownReward}"),
    SchemaCall("update-reward", "/v1/rewards/{ownReward}", body: #"{"stock":6,"metadata":{"tier":"gold"}}"#),
    SchemaCall("list-rewards", "/v1/rewards"),
    SchemaCall("list-reward-assignments", "/v1/rewards/{reward}/assignments", keeps: ["rewardAssignment": "data.0.id"]),
    SchemaCall("get-reward-assignment", "/v1/rewards/{reward}/assignments/{rewardAssignment}"),
    SchemaCall("delete-reward", "/v1/rewards/{ownReward}"),
    SchemaCall("list-publications", "/v1/publications?order=-created_at&limit=3"),
    SchemaCall("delete-sku", "/v1/products/{product}/skus/{sku}"),
    SchemaCall("delete-product", "/v1/products/{product}"),
    // Metadata and custom event schemas (Management API; the project API reads the same table)
    SchemaCall(
      "create-metadata-schema", "/management/v1/projects/{project}/metadata-schemas",
      body: #"{"related_object":"customer","properties":{"tier":{"type":"string","optional":true}}}"#,
      keeps: ["metadataSchema": "id"]),
    SchemaCall("get-metadata-schema-1", "/management/v1/projects/{project}/metadata-schemas/{metadataSchema}"),
    SchemaCall(
      "update-metadata-schema", "/management/v1/projects/{project}/metadata-schemas/{metadataSchema}",
      body: #"{"allow_defined_only":true}"#),
    SchemaCall("list-metadata-schemas-1", "/management/v1/projects/{project}/metadata-schemas"),
    SchemaCall("get-metadata-schema", "/v1/metadata-schemas/customer"),
    SchemaCall(
      "list-metadata-schemas", "/v1/metadata-schemas",
      known: [
        "": "the spec's schema requires `data` but its own `data_ref` enum names the array `schemas`, as Voucherify "
          + "answers"
      ]),
    SchemaCall("delete-metadata-schema", "/management/v1/projects/{project}/metadata-schemas/{metadataSchema}"),
    SchemaCall(
      "create-custom-event-schema", "/management/v1/projects/{project}/custom-event-schemas",
      body: #"{"name":"schema-review","schema":{"properties":{"stars":{"type":"number","optional":true}}}}"#,
      keeps: ["eventSchema": "id"]),
    SchemaCall("get-custom-event-schema", "/management/v1/projects/{project}/custom-event-schemas/{eventSchema}"),
    SchemaCall(
      "update-custom-event-schema", "/management/v1/projects/{project}/custom-event-schemas/{eventSchema}",
      body: #"{"schema":{"properties":{"stars":{"type":"number","optional":false}}}}"#),
    SchemaCall("list-custom-event-schemas", "/management/v1/projects/{project}/custom-event-schemas"),
    SchemaCall("delete-custom-event-schema", "/management/v1/projects/{project}/custom-event-schemas/{eventSchema}"),
    // A customer's activity, wallet and permanent deletion
    SchemaCall(
      "create-customer", "/v1/customers", body: #"{"source_id":"schema-bo","name":"Bo"}"#, keeps: ["bo": "id"]),
    SchemaCall(
      "create-publication", "/v1/publications",
      body: #"{"customer":{"source_id":"schema-bo"},"campaign":{"name":"Welcome Offer"}}"#),
    SchemaCall("list-customer-activity", "/v1/customers/{bo}/activity"),
    SchemaCall("list-customer-redeemables", "/v1/customers/schema-bo/redeemables"),
    SchemaCall("customer-permanently-deletion", "/v1/customers/{bo}/permanent-deletion"),
    // Loyalty programs through the LoyaltiesApi paths
    SchemaCall(
      "create-loyalty-program", "/v1/loyalties",
      body: #"{"name":"Schema Club","vouchers_count":1,"voucher":{"type":"LOYALTY_CARD","loyalty_card":{"points":0}}}"#,
      keeps: ["club": "id"]),
    SchemaCall("get-loyalty-program", "/v1/loyalties/{club}"),
    SchemaCall("update-loyalty-program", "/v1/loyalties/{club}", body: #"{"description":"Schema","auto_join":true}"#),
    SchemaCall("list-loyalty-programs", "/v1/loyalties"),
    SchemaCall("add-member", "/v1/loyalties/{club}/members", body: clubA, keeps: ["clubA": "code"]),
    SchemaCall("add-member", "/v1/loyalties/{club}/members", body: clubB, keeps: ["clubB": "code"]),
    SchemaCall("update-loyalty-card-balance", "/v1/loyalties/members/{clubA}/balance", body: #"{"points":50}"#),
    SchemaCall(
      "transfer-points", "/v1/loyalties/{club}/members/{clubB}/transfers", body: #"[{"code":"{clubA}","points":20}]"#,
      known: ["active": "the schema types the card's `active` as a string; its own example has `\"active\": true`"]),
    SchemaCall("list-members", "/v1/loyalties/{club}/members"),
    SchemaCall("list-member-activity", "/v1/loyalties/members/{clubA}/activity"),
    SchemaCall("list-member-activity-1", "/v1/loyalties/{club}/members/{clubA}/activity"),
    SchemaCall("list-campaign-pending-points", "/v1/loyalties/{loyalty}/pending-points"),
    SchemaCall("delete-loyalty-program", "/v1/loyalties/{club}"),
    // Exports (no webhooks): `download-export` answers a CSV once the clock passed the export's processing
    SchemaCall(
      "create-export", "/v1/exports", body: #"{"exported_object":"voucher","parameters":{"fields":["code","value"]}}"#,
      keeps: ["export": "id"]),
    SchemaCall("create-order-export", "/v1/orders/export", body: #"{"parameters":{"fields":["id","metadata.shop"]}}"#),
    SchemaCall("export-voucher-transactions", "/v1/vouchers/{gift}/transactions/export"),
    SchemaCall("export-campaign-transactions", "/v1/campaigns/{giftCampaign}/transactions/export"),
    SchemaCall("export-loyalty-campaign-transactions", "/v1/loyalties/{loyalty}/transactions/export"),
    SchemaCall("create-points-expiration-export", "/v1/loyalties/{loyalty}/points-expiration/export"),
    SchemaCall("list-exports", "/v1/exports"),
    SchemaCall("export-loyalty-card-transactions", "/v1/loyalties/members/{card}/transactions/export"),
    SchemaCall("export-loyalty-card-transactions-1", "/v1/loyalties/{loyalty}/members/{card}/transactions/export"),
    SchemaCall("get-export", "/v1/exports/{export}"),
    SchemaCall("download-export", "/v1/exports/{export}?token={exportToken}"),
    SchemaCall("delete-export", "/v1/exports/{export}"),
    // Async actions: bulk updates and imports answer the id of the action that applies their rows
    SchemaCall(
      "update-customers-in-bulk", "/v1/customers/bulk/async", body: #"[{"source_id":"schema-bulk","name":"Bulk"}]"#,
      keeps: ["asyncAction": "async_action_id"]),
    SchemaCall(
      "update-customers-metadata-in-bulk", "/v1/customers/metadata/async",
      body: #"{"source_ids":["schema-bulk"],"metadata":{"a":1}}"#),
    SchemaCall("update-products-in-bulk", "/v1/products/bulk/async", body: #"[{"source_id":"schema-p","name":"P"}]"#),
    SchemaCall(
      "update-products-metadata-in-bulk", "/v1/products/metadata/async",
      body: #"{"source_ids":["schema-p"],"metadata":{"a":1}}"#),
    SchemaCall(
      "update-vouchers-in-bulk", "/v1/vouchers/bulk/async", body: #"[{"code":"{code}","metadata":{"a":1}}]"#),
    SchemaCall(
      "update-vouchers-metadata-in-bulk", "/v1/vouchers/metadata/async",
      body: #"{"codes":["{code}"],"metadata":{"a":1}}"#),
    SchemaCall(
      "import-vouchers", "/v1/vouchers/import",
      body: #"[{"code":"SCHEMA-IMP-1","discount":{"type":"PERCENT","percent_off":10}}]"#),
    SchemaCall(
      "import-vouchers-to-campaign", "/v1/campaigns/Welcome%20Offer/import", body: #"[{"code":"SCHEMA-IMP-2"}]"#),
    SchemaCall("import-orders", "/v1/orders/import", body: #"[{"source_id":"schema-imp-o","amount":100}]"#),
    SchemaCall(
      "import-customers-using-csv", "/v1/customers/importCSV",
      body: ServeCSVImportTests.multipart("name,source_id\nAnn,schema-csv")),
    SchemaCall(
      "import-products-using-csv", "/v1/products/importCSV", body: ServeCSVImportTests.multipart("name\nSchema CSV")),
    SchemaCall(
      "import-SKUs-using-csv", "/v1/skus/importCSV",
      body: ServeCSVImportTests.multipart("product_id,source_id\nschema-p,s1")),
    SchemaCall(
      "import-vouchers-using-csv", "/v1/vouchers/importCSV", body: ServeCSVImportTests.multipart("Code\nCSV-S")),
    SchemaCall(
      "import-vouchers-to-campaign-using-csv", "/v1/campaigns/Welcome%20Offer/importCSV",
      body: ServeCSVImportTests.multipart("Code\nCSV-C")),
    SchemaCall("get-async-action", "/v1/async-actions/{asyncAction}"),
    SchemaCall("list-async-actions", "/v1/async-actions"),
  ]
}
