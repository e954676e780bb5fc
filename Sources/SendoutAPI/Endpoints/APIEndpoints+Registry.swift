/// The registry: every domain folder contributes its table of endpoints, by `operationId`.
extension APIEndpoints {
  /// The domains' tables; an `operationId` is in one of them only (a test checks).
  package static let tables: [[String: Handler]] = [
    APIVouchers.endpoints, APICustomers.endpoints, APICampaigns.endpoints, APIEvents.endpoints,
    APIPublications.endpoints, APIRedemptions.endpoints, APIOrders.endpoints, APILoyalties.endpoints,
    APIVoucherWrites.endpoints, APICampaignWrites.endpoints, APIRecords.endpoints, APIPromotionTiers.endpoints,
    APISegments.endpoints, APIValidationRules.endpoints, APIReferrals.endpoints,
    APIValidations.endpoints, APIClientSide.endpoints, APILoyaltyMembers.endpoints, APILoyaltyProgram.endpoints,
    APIStackRollbacks.endpoints, APIEarningRules.endpoints, APIPendingPoints.endpoints, APIRewardAssignments.endpoints,
    APIPromotionStacks.endpoints, APILoyaltyTiers.endpoints,
    APIProducts.endpoints,
    APIRewards.endpoints,
    APIPublicationList.endpoints,
    APICategories.endpoints, APICampaignTemplates.endpoints, APIBrands.endpoints,
    APILoyaltyTransactions.endpoints, APILoyaltyRewardReads.endpoints, APIValidationSessions.endpoints,
    APICampaignSummary.endpoints,
    APICustomerRecords.endpoints, APIMetadataSchemas.endpoints, APICustomEventSchemas.endpoints,
    APIBin.endpoints,
    APIProductCollections.endpoints,
    APILoyaltyPrograms.endpoints, APILoyaltyMemberLists.endpoints,
    APIExports.endpoints,
    APIProjects.endpoints, APIProjectUsers.endpoints, APIStackingRules.endpoints, APIManagementTemplates.endpoints,
    APICampaignTemplateSetup.endpoints,
    APIAsyncActions.endpoints, APIBulkUpdates.endpoints, APICSVImports.endpoints,
    APIQualifications.endpoints,
  ]

  /// Every simulated operation: the union of the tables.
  package static let all: [String: Handler] = union(tables)
}
