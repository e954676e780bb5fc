import Foundation
import SendoutCore
import SendoutTestSupport
import Testing

@Suite struct FixturesTests {
  @Test func directoryIsInsideThisRepository() {
    #expect(Fixtures.directory.path.hasSuffix("/Tests/Fixtures"))
    #expect(FileManager.default.fileExists(atPath: Fixtures.url("PROVENANCE.md").path))
  }

  @Test func loadsTheVoucherifyFiles() throws {
    let schemas = try Fixtures.voucherifySchemas()
    #expect(schemas.value(atPath: "components.schemas")?.objectValue?.count == 260)
    #expect(schemas["x-voucherify-webhooks"]?.objectValue?.count == 72)
    let examples = try Fixtures.voucherifyExamples()
    #expect(examples["events"]?.objectValue?.count == 72)
    #expect(examples["envelopes"]?.objectValue?.count == 4)
  }

  /// The copies must stay byte-identical to the reference data (sha256 from PROVENANCE.md).
  @Test(arguments: [
    ("voucherify-webhook-schemas.json", "63acba76c938a3efef0c2e1501689180b47de083ffb3a997aef0d112f40e0a9e"),
    ("voucherify-webhook-examples.json", "161272dadbea34bc3a4b84d96d3c51d7f5900904ffe8a820ecdd4ab5d20a7881"),
  ])
  func fixturesAreVerbatim(_ name: String, _ sha256: String) throws {
    #expect(Hex.encode(SHA256.hash(try Fixtures.bytes(name))) == sha256)
  }

  /// The REST spec is a product input in `Spec/`, verbatim (sha256 from Spec/PROVENANCE.md), no longer a fixture.
  @Test func theRESTSpecLivesInSpecVerbatim() throws {
    #expect(Fixtures.specDirectory.path.hasSuffix("/Spec"))
    let bytes = try Fixtures.bytes("voucherify-api-openapi.json", in: Fixtures.specDirectory)
    #expect(Hex.encode(SHA256.hash(bytes)) == "346edb58f60f91b35ce09756735c7b479455383b1486b839c9031182128d336f")
    #expect(try Fixtures.apiSpec()["paths"]?.objectValue?.count == 161)
    #expect(!FileManager.default.fileExists(atPath: Fixtures.url("voucherify-api-openapi.json").path))
  }

  @Test func missingFixtureNamesTheFile() {
    #expect {
      try Fixtures.json("no-such-fixture.json")
    } throws: { error in
      (error as? Fixtures.LoadError)?.description.contains("no-such-fixture.json") == true
    }
  }
}
