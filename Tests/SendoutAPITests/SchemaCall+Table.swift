extension SchemaCall {
  /// The table's customer, made by its first call, and the bodies several calls share.
  static let customer = #"{"customer":{"source_id":"schema-ann"}}"#
  static let redeem =
    #"{"redeemables":[{"object":"voucher","id":"{published}"}],"order":{"amount":8000},"customer":{"source_id":"schema-ann"}}"#
  static let qualify =
    #"{"customer":{"source_id":"schema-ann"},"order":{"amount":8000},"options":{"expand":["redeemable","validation_rules"]}}"#
  static let paid = #"{"customer":{"source_id":"schema-ann"},"amount":10000,"status":"PAID"}"#

  /// One valid call (or more, where a later call needs what it makes) of every simulated operation, in order, on
  /// the sample world: the world's ids are `{code}`, `{gift}`, `{giftCampaign}`, `{loyalty}`,
  /// `{referral}`, `{promo}`, `{sampleTier}`, `{loyaltyTier}`, `{earning}`, `{reward}`, `{project}`.
  static let table: [SchemaCall] = firstRows + catalogueAndSettingsRows

  /// The calls of the first simulated operations, their deletes last.
  static let firstRows: [SchemaCall] = [
    // Customers, segments, events
    SchemaCall(
      "create-customer", "/v1/customers", body: #"{"source_id":"schema-ann","name":"Ann"}"#, keeps: ["customer": "id"]),
    SchemaCall("get-customer", "/v1/customers/{customer}"),
    SchemaCall("update-customer", "/v1/customers/{customer}", body: #"{"name":"Ann B"}"#),
    SchemaCall("list-customers", "/v1/customers"),
    SchemaCall(
      "create-segment", "/v1/segments", body: #"{"name":"Schema VIP","type":"static","customers":["schema-ann"]}"#,
      keeps: ["segment": "id"]),
    SchemaCall("get-segment", "/v1/segments/{segment}"),
    SchemaCall("list-customer-segments", "/v1/customers/{customer}/segments"),
    SchemaCall(
      "track-custom-event", "/v1/events", body: #"{"event":"schema-event","customer":{"source_id":"schema-ann"}}"#),
    SchemaCall(
      "track-custom-event-client-side", "/client/v1/events",
      body: #"{"event":"schema-event","customer":{"source_id":"schema-ann"}}"#),
    // Vouchers and publications
    SchemaCall("generate-random-code", "/v1/vouchers", body: #"{"campaign":"Welcome Offer"}"#),
    SchemaCall("create-voucher", "/v1/vouchers/SCHEMA-1", body: #"{"campaign":"Welcome Offer"}"#),
    SchemaCall("get-voucher", "/v1/vouchers/SCHEMA-1"),
    SchemaCall("update-voucher", "/v1/vouchers/SCHEMA-1", body: #"{"metadata":{"note":"schema"}}"#),
    SchemaCall("disable-voucher", "/v1/vouchers/SCHEMA-1/disable"),
    SchemaCall("enable-voucher", "/v1/vouchers/SCHEMA-1/enable"),
    SchemaCall("list-vouchers", "/v1/vouchers"),
    SchemaCall(
      "create-publication", "/v1/publications",
      body: #"{"customer":{"source_id":"schema-ann"},"campaign":{"name":"Welcome Offer"}}"#,
      keeps: ["published": "voucher.code"]),
    SchemaCall(
      "create-publication-1", "/v1/publications/create?customer[source_id]=schema-ann&campaign[name]=Welcome%20Offer",
      keeps: ["published1": "voucher.code"]),
    SchemaCall("update-voucher-balance", "/v1/vouchers/{gift}/balance", body: #"{"amount":500}"#),
    SchemaCall("list-voucher-transactions", "/v1/vouchers/{gift}/transactions"),
    // Campaigns
    SchemaCall(
      "create-campaign", "/v1/campaigns",
      body: #"{"name":"Schema Coupons","campaign_type":"DISCOUNT_COUPONS","vouchers_count":1}"#,
      keeps: ["campaign": "id"]),
    SchemaCall("get-campaign", "/v1/campaigns/{campaign}"),
    SchemaCall("update-campaign", "/v1/campaigns/{campaign}", body: #"{"description":"schema"}"#),
    SchemaCall("list-campaigns", "/v1/campaigns"),
    SchemaCall("list-campaign-transactions", "/v1/campaigns/{giftCampaign}/transactions"),
    SchemaCall("disable-campaign", "/v1/campaigns/{campaign}/disable"),
    SchemaCall("enable-campaign", "/v1/campaigns/{campaign}/enable"),
    SchemaCall("add-vouchers-to-campaign", "/v1/campaigns/{campaign}/vouchers"),
    SchemaCall("add-voucher-with-specific-code-to-campaign", "/v1/campaigns/{campaign}/vouchers/SCHEMA-2"),
    // Validations, redemptions, rollbacks, orders
    SchemaCall("validate-stacked-discounts", "/v1/validations", body: redeem),
    SchemaCall("validate-stacked-discounts-client-side", "/client/v1/validations", body: redeem),
    SchemaCall("check-eligibility", "/v1/qualifications", body: qualify),
    SchemaCall("check-eligibility-client-side", "/client/v1/qualifications", body: qualify),
    SchemaCall("list-promotion-tiers-client-side", "/client/v1/promotions/tiers"),
    SchemaCall(
      "redeem-stacked-discounts", "/v1/redemptions", body: redeem,
      keeps: ["redemption": "redemptions.0.id", "order": "order.id"]),
    SchemaCall(
      "redeem-stacked-discounts-client-side", "/client/v1/redemptions",
      body:
        #"{"redeemables":[{"object":"voucher","id":"{published1}"},{"object":"promotion_tier","id":"{sampleTier}"}],"order":{"amount":20000},"customer":{"source_id":"schema-ann"}}"#,
      keeps: ["parent": "parent_redemption.id"]),
    SchemaCall("get-redemption", "/v1/redemptions/{redemption}"),
    SchemaCall("list-redemptions", "/v1/redemptions"),
    SchemaCall("get-voucher-redemptions", "/v1/vouchers/{published}/redemption"),
    SchemaCall("rollback-redemption", "/v1/redemptions/{redemption}/rollback"),
    SchemaCall("rollback-stacked-redemptions", "/v1/redemptions/{parent}/rollbacks"),
    SchemaCall("get-order", "/v1/orders/{order}"),
    SchemaCall("update-order", "/v1/orders/{order}", body: #"{"metadata":{"note":"schema"}}"#),
    SchemaCall("list-orders", "/v1/orders"),
    // Promotions
    SchemaCall("list-promotion-tiers", "/v1/promotions/tiers"),
    SchemaCall("list-promotion-tiers-from-campaign", "/v1/promotions/{promo}/tiers"),
    SchemaCall(
      "add-promotion-tier-to-campaign", "/v1/promotions/{promo}/tiers",
      body: #"{"name":"Schema tier","action":{"discount":{"type":"AMOUNT","amount_off":100}}}"#, keeps: ["tier": "id"]),
    SchemaCall("get-promotion-tier", "/v1/promotions/tiers/{tier}"),
    SchemaCall("update-promotion-tier", "/v1/promotions/tiers/{tier}", body: #"{"banner":"New"}"#),
    SchemaCall("disable-promotion-tier", "/v1/promotions/tiers/{tier}/disable"),
    SchemaCall("enable-promotion-tier", "/v1/promotions/tiers/{tier}/enable"),
    SchemaCall(
      "create-promotion-stack", "/v1/promotions/{promo}/stacks",
      body: #"{"name":"Schema stack","tiers":{"ids":["{sampleTier}"]}}"#, keeps: ["stack": "id"]),
    SchemaCall("get-promotion-stack", "/v1/promotions/{promo}/stacks/{stack}"),
    SchemaCall("update-promotion-stack", "/v1/promotions/{promo}/stacks/{stack}", body: #"{"name":"Schema stack 2"}"#),
    SchemaCall("list-promotion-stacks-in-campaign", "/v1/promotions/{promo}/stacks"),
    SchemaCall("list-all-promotion-stacks", "/v1/promotions/stacks"),
    SchemaCall("delete-promotion-stack", "/v1/promotions/{promo}/stacks/{stack}"),
    SchemaCall("release-validation-session", "/v1/vouchers/{code}/sessions/ssn_schema"),
    SchemaCall("delete-promotion-tier", "/v1/promotions/tiers/{tier}"),
    // Validation rules
    SchemaCall(
      "create-validation-rules", "/v1/validation-rules",
      body:
        #"{"name":"Schema rule","rules":{"1":{"name":"order.amount","conditions":{"$more_than":[10000]}},"logic":"1"}}"#,
      keeps: ["rule": "id"]),
    SchemaCall("get-validation-rule", "/v1/validation-rules/{rule}"),
    SchemaCall(
      "update-validation-rule", "/v1/validation-rules/{rule}",
      body: #"{"rules":{"1":{"name":"order.amount","conditions":{"$more_than":[20000]}}}}"#),
    SchemaCall("list-validation-rules", "/v1/validation-rules"),
    SchemaCall(
      "create-validation-rule-assignment", "/v1/validation-rules/{rule}/assignments",
      body: #"{"related_object_type":"campaign","related_object_id":"Welcome Offer"}"#, keeps: ["assignment": "id"]),
    SchemaCall("list-validation-rule-assignments", "/v1/validation-rules/{rule}/assignments"),
    SchemaCall("list-validation-rules-assignments", "/v1/validation-rules-assignments"),
    SchemaCall("delete-validation-rule-assignment", "/v1/validation-rules/{rule}/assignments/{assignment}"),
    SchemaCall("delete-validation-rules", "/v1/validation-rules/{rule}"),
    // Loyalty: members, tiers, earning rules, pending points, rewards
    SchemaCall("add-member", "/v1/loyalties/{loyalty}/members", body: customer, keeps: ["card": "code"]),
    SchemaCall("get-member", "/v1/loyalties/members/{card}"),
    SchemaCall("get-member-1", "/v1/loyalties/{loyalty}/members/{card}"),
    SchemaCall("update-loyalty-card-balance", "/v1/loyalties/members/{card}/balance", body: #"{"points":500}"#),
    SchemaCall(
      "update-loyalty-card-balance-1", "/v1/loyalties/{loyalty}/members/{card}/balance", body: #"{"points":300}"#),
    SchemaCall("list-loyalty-tiers", "/v1/loyalties/{loyalty}/tiers"),
    SchemaCall("get-loyalty-tier", "/v1/loyalties/{loyalty}/tiers/{loyaltyTier}"),
    SchemaCall("list-member-loyalty-tier", "/v1/loyalties/members/{card}/tiers"),
    SchemaCall(
      "create-in-bulk-loyalty-tiers", "/v1/loyalties/{loyalty}/tiers",
      body: #"[{"name":"Schema Diamond","points":{"from":2000000,"to":2999999}}]"#),
    SchemaCall("list-earning-rules", "/v1/loyalties/{loyalty}/earning-rules"),
    SchemaCall("get-earning-rule", "/v1/loyalties/{loyalty}/earning-rules/{earning}"),
    SchemaCall(
      "create-earning-rule", "/v1/loyalties/{loyalty}/earning-rules",
      body:
        #"[{"event":"order.paid","loyalty":{"type":"PROPORTIONAL","calculation_type":"ORDER_AMOUNT","order":{"amount":{"every":100,"points":2}}},"pending_points":{"period_type":"DAY","period_value":7}}]"#,
      keeps: ["earned": "0.id"]),
    SchemaCall(
      "update-earning-rule", "/v1/loyalties/{loyalty}/earning-rules/{earned}",
      body: #"{"pending_points":{"period_type":"DAY","period_value":3}}"#),
    SchemaCall("disable-earning-rule", "/v1/loyalties/{loyalty}/earning-rules/{earned}/disable"),
    SchemaCall("enable-earning-rule", "/v1/loyalties/{loyalty}/earning-rules/{earned}/enable"),
    SchemaCall("create-order", "/v1/orders", body: paid),
    SchemaCall("create-order", "/v1/orders", body: paid),
    SchemaCall(
      "list-member-pending-points", "/v1/loyalties/members/{card}/pending-points",
      keeps: ["pending": "data.0.id", "pending1": "data.1.id"]),
    SchemaCall("list-member-pending-points-1", "/v1/loyalties/{loyalty}/members/{card}/pending-points"),
    SchemaCall(
      "adjust-member-pending-points", "/v1/loyalties/members/{card}/pending-points/{pending}/balance",
      body: #"{"points":-50}"#),
    SchemaCall("activate-member-pending-points", "/v1/loyalties/members/{card}/pending-points/{pending}/activate"),
    SchemaCall("cancel-member-pending-points", "/v1/loyalties/members/{card}/pending-points/{pending1}/cancel"),
    SchemaCall("delete-earning-rule", "/v1/loyalties/{loyalty}/earning-rules/{earned}"),
    SchemaCall("list-member-rewards", "/v1/loyalties/members/{card}/rewards"),
    SchemaCall("redeem-reward", "/v1/loyalties/members/{card}/redemption", body: #"{"reward":{"id":"{reward}"}}"#),
    SchemaCall(
      "redeem-reward-1", "/v1/loyalties/{loyalty}/members/{card}/redemption", body: #"{"reward":{"id":"{reward}"}}"#),
    SchemaCall(
      "create-reward-assignment-1", "/v1/loyalties/{loyalty}/rewards",
      body: #"[{"reward":"{reward}","parameters":{"loyalty":{"points":7}}}]"#, keeps: ["assigned": "id"]),
    SchemaCall(
      "update-reward-assignment-1", "/v1/loyalties/{loyalty}/rewards/{assigned}",
      body: #"{"parameters":{"loyalty":{"points":9}}}"#),
    SchemaCall("list-reward-assignments-1", "/v1/loyalties/{loyalty}/reward-assignments"),
    SchemaCall("list-reward-assignments-2", "/v1/loyalties/{loyalty}/rewards"),
    SchemaCall("get-reward-assignment-1", "/v1/loyalties/{loyalty}/reward-assignments/{assigned}"),
    SchemaCall("get-reward-assignment-2", "/v1/loyalties/{loyalty}/rewards/{assigned}"),
    SchemaCall("get-reward-details", "/v1/loyalties/{loyalty}/reward-assignments/{assigned}/reward"),
    SchemaCall("list-loyalty-tier-earning-rules", "/v1/loyalties/{loyalty}/tiers/{loyaltyTier}/earning-rules"),
    SchemaCall("list-loyalty-tier-rewards", "/v1/loyalties/{loyalty}/tiers/{loyaltyTier}/rewards"),
    SchemaCall("list-loyalty-campaign-transactions", "/v1/loyalties/{loyalty}/transactions"),
    SchemaCall("list-loyalty-card-transactions", "/v1/loyalties/members/{card}/transactions"),
    SchemaCall("list-loyalty-card-transactions-1", "/v1/loyalties/{loyalty}/members/{card}/transactions"),
    SchemaCall("list-points-expiration", "/v1/loyalties/{loyalty}/members/{card}/points-expiration"),
    SchemaCall("get-campaign-summary", "/v1/campaigns/{loyalty}/summary"),
    SchemaCall("get-campaign-summary", "/v1/campaigns/{giftCampaign}/summary"),
    SchemaCall("get-campaign-summary", "/v1/campaigns/{referral}/summary"),
    SchemaCall("get-campaign-summary", "/v1/campaigns/{promo}/summary"),
    SchemaCall("get-campaign-summary", "/v1/campaigns/{campaign}/summary"),
    SchemaCall("delete-reward-assignment-1", "/v1/loyalties/{loyalty}/rewards/{assigned}"),
    SchemaCall(
      "create-reward-assignment", "/v1/rewards/{reward}/assignments",
      body: #"{"campaign":"{loyalty}","parameters":{"loyalty":{"points":3}}}"#, keeps: ["assigned": "id"]),
    SchemaCall(
      "update-reward-assignment", "/v1/rewards/{reward}/assignments/{assigned}",
      body: #"{"parameters":{"loyalty":{"points":4}}}"#),
    SchemaCall("delete-reward-assignment", "/v1/rewards/{reward}/assignments/{assigned}"),
    // Referrals
    SchemaCall(
      "create-publication", "/v1/publications",
      body: #"{"customer":{"source_id":"schema-ann"},"campaign":{"id":"{referral}"}}"#,
      keeps: ["referrer": "voucher.code"]),
    SchemaCall(
      "referrals-add-holders", "/v1/referrals/members/{referrer}/holders",
      body: #"{"holders":[{"source_id":"schema-bo"}]}"#, keeps: ["holder": "holders.0.id"]),
    SchemaCall(
      "referrals-add-holders-1", "/v1/referrals/{referral}/members/{referrer}/holders",
      body: #"{"holders":[{"source_id":"schema-cy"}]}"#, keeps: ["holder1": "holders.0.id"]),
    SchemaCall("referrals-code-holders", "/v1/referrals/{referral}/members/{referrer}/holders"),
    SchemaCall("referrals-code-holders-1", "/v1/referrals/members/{referrer}/holders"),
    SchemaCall("referrals-remove-holder", "/v1/referrals/members/{referrer}/holders/{holder}"),
    SchemaCall("referrals-remove-holder-1", "/v1/referrals/{referral}/members/{referrer}/holders/{holder1}"),
    // Categories and campaign templates (no webhooks)
    SchemaCall(
      "create-category", "/v1/categories", body: #"{"name":"Schema category","hierarchy":3}"#,
      keeps: ["category": "id"]),
    SchemaCall("get-category", "/v1/categories/{category}"),
    SchemaCall("update-category", "/v1/categories/{category}", body: #"{"name":"Schema category 2"}"#),
    SchemaCall("list-categories", "/v1/categories"),
    SchemaCall("delete-category", "/v1/categories/{category}"),
    SchemaCall(
      "create-campaign-template", "/v1/templates/campaigns",
      body: #"{"name":"Schema template","campaign_id":"{campaign}"}"#, keeps: ["template": "id"]),
    SchemaCall("get-campaign-template", "/v1/templates/campaigns/{template}"),
    SchemaCall("update-campaign-template", "/v1/templates/campaigns/{template}", body: #"{"description":"schema"}"#),
    SchemaCall(
      "list-campaign-templates", "/v1/templates/campaigns",
      known: [
        "": "the spec's schema requires `campaign_template` and calls the array `data`; its example, as Voucherify "
          + "answers, has `campaign_templates` and no `campaign_template`"
      ]),
    SchemaCall("delete-campaign-template", "/v1/templates/campaigns/{template}"),
    // Brand configuration (Management API, no webhooks)
    SchemaCall(
      "create-brand", "/management/v1/projects/{project}/branding",
      body: #"{"brand":{"name":"Schema brand","website_url":"example.com"},"contact":{"email":"a@example.com"}}"#,
      keeps: ["brand": "id"]),
    SchemaCall("get-brand", "/management/v1/projects/{project}/branding/{brand}"),
    SchemaCall(
      "update-brand", "/management/v1/projects/{project}/branding/{brand}", body: #"{"address":{"city":"Oslo"}}"#),
    SchemaCall("list-brands", "/management/v1/projects/{project}/branding"),
    SchemaCall("delete-brand", "/management/v1/projects/{project}/branding/{brand}"),
    // Project webhooks (Management API)
    SchemaCall(
      "create-webhook", "/management/v1/projects/{project}/webhooks",
      body: #"{"target_url":"http://127.0.0.1:9/schema","events":["customer.created"]}"#, keeps: ["webhook": "id"]),
    SchemaCall("list-webhooks", "/management/v1/projects/{project}/webhooks"),
    SchemaCall("get-webhook", "/management/v1/projects/{project}/webhooks/{webhook}"),
    SchemaCall("update-webhook", "/management/v1/projects/{project}/webhooks/{webhook}", body: #"{"active":false}"#),
    SchemaCall("delete-webhook", "/management/v1/projects/{project}/webhooks/{webhook}"),
    // Projects, users, stacking rules and template use (Management API and templates)
    SchemaCall("list-projects", "/management/v1/projects"),
    SchemaCall(
      "create-project", "/management/v1/projects", body: #"{"name":"Schema project","currency":"EUR"}"#,
      keeps: ["otherProject": "id"]),
    SchemaCall("get-project", "/management/v1/projects/{otherProject}"),
    SchemaCall("update-project", "/management/v1/projects/{otherProject}", body: #"{"timezone":"Europe/Oslo"}"#),
    SchemaCall(
      "invite-user", "/management/v1/projects/users/invite",
      body: #"{"email":"schema@example.com","projects":{"{project}":"USER"}}"#),
    SchemaCall(
      "assign-user", "/management/v1/projects/{otherProject}/users",
      body: #"{"login":"schema@example.com","role":"VIEWER"}"#, keeps: ["user": "id"]),
    SchemaCall("list-users", "/management/v1/projects/{otherProject}/users"),
    SchemaCall("get-user", "/management/v1/projects/{otherProject}/users/{user}"),
    SchemaCall("update-user", "/management/v1/projects/{otherProject}/users/{user}", body: #"{"role":"ADMIN"}"#),
    SchemaCall("unassign-user", "/management/v1/projects/{otherProject}/users/{user}"),
    SchemaCall("list-stacking-rules", "/management/v1/projects/{project}/stacking-rules"),
    SchemaCall(
      "create-stacking-rules", "/management/v1/projects/{project}/stacking-rules",
      body: #"{"redeemables_limit":20}"#, keeps: ["stacking": "id"]),
    SchemaCall("get-stacking-rules", "/management/v1/projects/{project}/stacking-rules/{stacking}"),
    SchemaCall(
      "update-stacking-rules", "/management/v1/projects/{project}/stacking-rules/{stacking}",
      body: #"{"applicable_redeemables_limit":4}"#),
    SchemaCall("delete-stacking-rules", "/management/v1/projects/{project}/stacking-rules/{stacking}"),
    SchemaCall(
      "create-campaign-template", "/v1/templates/campaigns",
      body: #"{"name":"Schema setup template","campaign_id":"{campaign}"}"#, keeps: ["setupTemplate": "id"]),
    SchemaCall(
      "create-campaign-from-template", "/v1/templates/campaigns/{setupTemplate}/campaign-setup",
      body: #"{"name":"Schema from template"}"#),
    SchemaCall(
      "create-campaign-template", "/v1/templates/campaigns",
      body: #"{"name":"Schema tier template","promotion_tier_id":"{sampleTier}"}"#, keeps: ["tierTemplate": "id"]),
    SchemaCall(
      "add-tier-from-template", "/v1/templates/campaigns/{tierTemplate}/tier-setup",
      body: #"{"name":"Schema tier","campaign_id":"{promo}"}"#,
      known: ["": "the spec's schema requires `campaign`, which a tier setup does not have (it has `promotion_tier`)"]),
    SchemaCall(
      "management-list-campaign-templates", "/management/v1/projects/{project}/templates/campaigns",
      known: [
        "": "the spec's schema requires `campaign_template` and calls the array `data`; its example, as Voucherify "
          + "answers, has `campaign_templates` and no `campaign_template`"
      ]),
    SchemaCall(
      "management-copy-campaign-template",
      "/management/v1/projects/{project}/templates/campaigns/{setupTemplate}/copy",
      body: #"{"name":"Schema copy","destination_project_id":"{otherProject}"}"#),
    SchemaCall("delete-project", "/management/v1/projects/{otherProject}"),
    // Deletes last, so the calls above have what they read
    SchemaCall("delete-segment", "/v1/segments/{segment}"),
    SchemaCall("delete-voucher", "/v1/vouchers/SCHEMA-1?force=true"),
    SchemaCall("delete-campaign", "/v1/campaigns/{campaign}"),
    SchemaCall("delete-customer", "/v1/customers/{customer}"),
    SchemaCall("list-bin-entries", "/v1/trash-bin", keeps: ["binEntry": "data.0.id"]),
    SchemaCall("delete-bin-entry", "/v1/trash-bin/{binEntry}"),
  ]

  /// The two members of the table's loyalty program.
  static let clubA = #"{"customer":{"source_id":"schema-club-a"}}"#
  static let clubB = #"{"customer":{"source_id":"schema-club-b"}}"#
}
