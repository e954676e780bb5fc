import SendoutCore
import SendoutTestSupport
import Testing

/// The facts `reference/README.md` states about the official schemas and examples, checked with our validator.
@Suite struct VoucherifySchemaTests {
  static func payload(_ key: String) throws -> JSON {
    try #require(try Fixtures.voucherifyExamples().value(atPath: "envelopes.\(key).payload"))
  }

  static func dataSchema(_ webhookKey: String) throws -> String {
    let ref = try #require(
      try Fixtures.voucherifySchemas()["x-voucherify-webhooks"]?[webhookKey]?["data_schema"]?.stringValue)
    return String(ref.dropFirst("#/components/schemas/".count))
  }

  @Test(arguments: ["distribution_customer_redemption_succeeded", "distribution_payload_designer_sample_output"])
  func distributionDocEnvelopesValidateStrictly(_ key: String) throws {
    let validator = try Fixtures.voucherifyValidator()
    #expect(validator.validate(try Self.payload(key), against: "WebhookDistributionPayload") == [])
  }

  @Test func projectSettingsDocEnvelopeFailsOnlyOnTheEventTypeEnum() throws {
    let raw = try SchemaValidator(document: Fixtures.voucherifySchemas())
    let failures = raw.validate(
      try Self.payload("project_settings_voucher_published"), against: "WebhookProjectSettingPayload")
    #expect(failures.map(\.path) == ["event.type"])
    #expect(failures.first?.reason.hasPrefix("\"voucher.published\" is not one of") == true)
  }

  @Test func projectSettingsDocEnvelopeValidatesWithTheKnownWrongEnumDropped() throws {
    let validator = try Fixtures.voucherifyValidator()
    let payload = try Self.payload("project_settings_voucher_published")
    #expect(validator.validate(payload, against: "WebhookProjectSettingPayload") == [])
  }

  @Test func rawPayloadIsNotAnEnvelope() throws {
    let validator = try Fixtures.voucherifyValidator()
    let failures = validator.validate(
      try Self.payload("distribution_payload_designer_raw_payload"), against: "WebhookDistributionPayload")
    #expect(
      Set(failures.map(\.reason))
        == Set(
          ["id", "project_id", "created_at", "type", "data", "source", "event"].map { "Missing required key \"\($0)\"" }
        ))
  }

  @Test func envelopeKindsDoNotCrossValidate() throws {
    let validator = try Fixtures.voucherifyValidator()
    let projectSettings = validator.validate(
      try Self.payload("project_settings_voucher_published"), against: "WebhookDistributionPayload")
    #expect(projectSettings.map(\.path) == ["source.object"])
    let distribution = validator.validate(
      try Self.payload("distribution_customer_redemption_succeeded"), against: "WebhookProjectSettingPayload")
    #expect(Set(distribution.map(\.path)) == ["type", "source.object"])
  }

  @Test func unknownEnumOverrideIsRejected() throws {
    #expect(throws: SchemaValidator.SchemaError.self) {
      try SchemaValidator(
        document: Fixtures.voucherifySchemas(), droppingEnums: ["WebhookProjectSettingPayload.event.nope"])
    }
  }

  /// Official `data` examples that fail structure mode, with why: all are bugs in the spec or its examples.
  static let knownStructureFailures: [String: [String]] = [
    // SimpleCampaign declares referee_reward.amount a string; the examples send a number.
    "EVENTS.REDEMPTION.ROLLBACK.SUCCEEDED": ["campaign.referral_program.referee_reward.amount"],
    "EVENTS.REDEMPTION.ROLLBACK.FAILED": ["campaign.referral_program.referee_reward.amount"],
    // referrals.campaigns items are declared objects; the example lists campaign names.
    "EVENTS.CUSTOMER.UPDATED": ["customer.referrals.campaigns.0"],
    // Malformed timestamps in the example ("2024-05-13T10: 24: 01.084Z").
    "EVENTS.CUSTOMER.REWARD_REDEMPTIONS.COMPLETED": [
      "campaign.created_at", "publication.created_at", "publication.voucher.created_at",
      "publication.voucher.updated_at", "reward.voucher.created_at", "reward_assignment.created_at",
      "reward_redemption.created_at", "voucher.created_at", "voucher.updated_at",
    ],
    // The schema requires balance and transaction; the example has neither.
    "EVENTS.CUSTOMER.VOUCHER.LOYALTY_CARD.PENDING_POINTS.ACTIVATED": ["", ""],
    // buckets is declared an object; the example sends an array.
    "EVENTS.VOUCHER.LOYALTY_CARD.POINTS_EXPIRED": ["buckets"],
  ]

  static let webhookKeys: [String] = (try? Fixtures.voucherifyExamples()["events"]?.objectValue?.keys) ?? []

  @Test func thereAre72Events() { #expect(Self.webhookKeys.count == 72) }

  @Test(arguments: webhookKeys)
  func officialDataExamplesHaveTheDeclaredStructure(_ key: String) throws {
    let validator = try Fixtures.voucherifyValidator()
    let schema = try Self.dataSchema(key)
    let examples = try #require(try Fixtures.voucherifyExamples()["events"]?[key]?["examples"]?.objectValue)
    for example in examples.members {
      let failures = validator.validate(example.value, against: schema, options: .structure)
      #expect(failures.map(\.path).sorted() == Self.knownStructureFailures[key, default: []], "\(failures)")
    }
  }

  @Test func structureModeCatchesAWrongDiscriminatorAndIdPrefix() throws {
    let validator = try Fixtures.voucherifyValidator()
    let key = "EVENTS.REDEMPTION.SUCCEEDED"
    var example = try #require(
      try Fixtures.voucherifyExamples()["events"]?[key]?["examples"]?["redemption.succeeded"]?.objectValue)
    var customer = try #require(example["customer"]?.objectValue)
    customer["id"] = "cus_123"
    customer["email"] = .null
    example["customer"] = .object(customer)
    var campaign = try #require(example["campaign"]?.objectValue)
    campaign["object"] = "camp"
    example["campaign"] = .object(campaign)
    example["order"] = "ord_1"
    let failures = validator.validate(.object(example), against: try Self.dataSchema(key), options: .structure)
    #expect(failures.map(\.path).sorted() == ["campaign.object", "customer.id", "order"])
  }
}
