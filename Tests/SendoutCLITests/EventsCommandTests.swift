import SendoutCore
import Testing

@Suite struct EventsCommandTests {
  @Test func jsonListsAll72OfficialTypesWithWhereTheyAreConfigured() throws {
    let result = try SendoutBinary.run(["events", "--json"])
    #expect(result.status == 0)
    let list = try #require(try JSONParser.parse(result.stdout).arrayValue)
    #expect(list.allSatisfy { $0["renderable"] == .bool(true) })
    let renderable = list.filter { $0["schema"] == "official" }
    #expect(renderable.count == 72)
    let inferred = list.filter { $0["schema"] == "inferred" }
    #expect(inferred.count == 18)
    #expect(inferred.allSatisfy { $0["webhook_key"] == .null })
    func places(_ e: JSON) -> [String] { e["configured_in"]?.arrayValue?.compactMap(\.stringValue) ?? [] }
    #expect(renderable.filter { places($0) == ["project_settings"] }.count == 46)
    #expect(renderable.filter { places($0) == ["distribution"] }.count == 24)
    #expect(renderable.filter { Set(places($0)) == ["project_settings", "distribution"] }.count == 2)
    let types = Set(list.compactMap { $0["type"]?.stringValue })
    #expect(
      types.isSuperset(of: ["customer.publication.succeeded", "redemption.succeeded", "manual_distribution_schedule"]))
  }

  @Test func theTableMarksInferredEvents() throws {
    let result = try SendoutBinary.run(["events"])
    #expect(result.status == 0)
    let line = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("customer.referred ") })
    #expect(line.hasSuffix("D  inferred"))
    #expect(result.stdout.contains("90 renderable event types"))
  }

  @Test func unknownCommandSuggestsTheClosest() throws {
    let result = try SendoutBinary.run(["evnts"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("Did you mean 'events'?"))
  }

  @Test func unknownOptionIsAUsageError() throws {
    let result = try SendoutBinary.run(["events", "--jsn"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("Unknown option '--jsn'"))
    #expect(result.stderr.contains("--json"))
  }
}
