import SendoutCore
import SendoutTestSupport
import Testing

/// Walks every official example (the 72 `data` examples and the two complete envelopes of
/// Tests/Fixtures/voucherify-webhook-examples.json, see PROVENANCE.md) and lists the keys it has that our render of
/// the same event, through the same place (project webhook or distribution), lacks, recursively over objects.
/// Each omission must be explained in `OfficialExampleKeys.allowed`; a key that goes missing fails the test, and so
/// does an allowlist entry that no longer matches anything (so the list cannot go stale).
@Suite struct OfficialExampleKeysTests {
  /// One official example and the render it is compared with.
  struct Sample: Sendable {
    var label: String
    var type: String
    var via: SendoutSource.Kind
    var example: JSON
    var envelope: Bool
  }

  static func samples() throws -> [Sample] {
    let file = try Fixtures.voucherifyExamples()
    var out: [Sample] = []
    for entry in file["events"]?.objectValue?.members ?? [] {
      let type = try #require(entry.value["event_type"]?.stringValue)
      let descriptor = try #require(EventCatalog.descriptor(for: type))
      for example in entry.value["examples"]?.objectValue?.members ?? [] {
        for via in descriptor.configuredIn {
          out.append(Sample(label: type, type: type, via: via, example: example.value, envelope: false))
        }
      }
    }
    for (name, type, via) in [
      ("project_settings_voucher_published", "voucher.published", SendoutSource.Kind.webhook),
      ("distribution_customer_redemption_succeeded", "customer.redemption.succeeded", .distribution),
    ] {
      let payload = try #require(file.value(atPath: "envelopes.\(name).payload"))
      out.append(Sample(label: "envelope \(name)", type: type, via: via, example: payload, envelope: true))
    }
    return out
  }

  /// Our bodies for a sample: one per distribution purpose the event allows (a key counts as sent when any
  /// purpose sends it), one for a project webhook.
  static func renders(_ s: Sample) throws -> [JSON] {
    let descriptor = try #require(EventCatalog.descriptor(for: s.type))
    let purposes: [DistributionPurpose?] =
      s.via == .webhook ? [nil] : (descriptor.purposes.isEmpty ? [.plainMessage] : descriptor.purposes)
    return try purposes.map { purpose in
      let sendout = try SingleEventRequest(eventType: s.type, via: s.via, secret: "s", purpose: purpose).sendout()
      let body = try JSONParser.parse(sendout.body)
      return s.envelope ? body : try #require(body["data"])
    }
  }

  /// `event|path` of every key an example has that our render lacks (`data.` paths for data examples).
  static func missingKeys() throws -> [String: Set<String>] {
    var out: [String: Set<String>] = [:]
    for s in try samples() {
      let root = s.envelope ? "" : "data"
      var missing: Set<String>?
      for ours in try renders(s) {
        var found = Set<String>()
        OfficialExampleKeys.missing(s.example, ours, at: root, into: &found)
        missing = missing.map { $0.intersection(found) } ?? found
      }
      for path in missing ?? [] {
        out["\(s.type) via \(s.via == .webhook ? "project" : "distribution")", default: []].insert(path)
      }
    }
    return out
  }

  @Test func everyKeyOfTheOfficialExamplesIsRenderedOrExplained() throws {
    let missing = try Self.missingKeys()
    var unexplained: [String] = []
    var used = Set<String>()
    var allowedCount = 0
    for (place, paths) in missing {
      let type = String(place.split(separator: " ")[0])
      for path in paths {
        if let rule = OfficialExampleKeys.rule(for: type, path: path) {
          used.insert(rule)
          allowedCount += 1
        } else {
          unexplained.append("\(place): \(path)")
        }
      }
    }
    print("Official example keys: \(allowedCount) omissions explained by the allowlist, \(unexplained.count) not")
    #expect(
      unexplained.isEmpty,
      "keys the official examples have and our render lacks:\n\(unexplained.sorted().joined(separator: "\n"))")
    let stale = Set(OfficialExampleKeys.allowed.keys).subtracting(used)
    #expect(stale.isEmpty, "allowlist entries that match nothing any more: \(stale.sorted())")
  }

  @Test func theWalkerReportsNestedArrayAndMissingKeys() throws {
    let example = try JSONParser.parse(
      Array(#"{"a":{"b":1,"c":[{"d":1},{"e":2}]},"metadata":{"x":1},"redemptions":{"r_1":{"f":1}}}"#.utf8))
    let ours = try JSONParser.parse(Array(#"{"a":{"c":[{"d":1}]},"metadata":{},"redemptions":{"r_2":{}}}"#.utf8))
    var found = Set<String>()
    OfficialExampleKeys.missing(example, ours, at: "data", into: &found)
    #expect(found == ["data.a.b", "data.a.c[].e", "data.redemptions{}.f"])
  }
}
