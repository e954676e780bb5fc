import SendoutCore
import SendoutTestSupport
import Testing

/// `JSONWriter` against golden `JSON.stringify` output from Node (`Tests/Fixtures/json-stringify-vectors.json`).
@Suite struct JSONWriterTests {
  struct Vector: Sendable, CustomTestStringConvertible {
    var name: String
    var value: JSON
    var compact: String
    var pretty: String
    var testDescription: String { name }
  }

  static let vectors: [Vector] = {
    guard let file = try? Fixtures.json("json-stringify-vectors.json") else { return [] }
    return (file["vectors"]?.arrayValue ?? []).compactMap { v -> Vector? in
      guard let name = v["name"]?.stringValue, let compact = v["compact"]?.stringValue,
        let pretty = v["pretty"]?.stringValue
      else { return nil }
      if let text = v["number_text"]?.stringValue {
        guard let d = Double(text) else { return nil }
        let n = JSON.double(d)
        return Vector(name: name, value: ["n": n, "list": [n]], compact: compact, pretty: pretty)
      }
      guard let input = v["input"] else { return nil }
      return Vector(name: name, value: input, compact: compact, pretty: pretty)
    }
  }()

  @Test func allVectorsLoaded() { #expect(Self.vectors.count == 55) }

  @Test(arguments: vectors)
  func matchesJavaScript(_ v: Vector) {
    if v.name.hasPrefix("number ") {
      // compact is JSON.stringify(n) alone; pretty wraps n as {n, list: [n]}.
      guard let n = v.value["n"] else { Issue.record("no number"); return }
      #expect(n.compactString == v.compact)
      #expect(v.value.prettyString == v.pretty)
    } else {
      #expect(v.value.compactString == v.compact)
      #expect(v.value.prettyString == v.pretty)
      #expect(v.value.compactBytes == Array(v.compact.utf8))
    }
  }

  /// 2,000 doubles from Node (`scripts/json-number-vectors.js`): random bit patterns and decimal-looking values.
  @Test func numberFormattingMatchesJavaScriptOnRandomDoubles() throws {
    let vectors = try #require(try Fixtures.json("json-number-vectors.json")["vectors"]?.arrayValue)
    #expect(vectors.count == 2000)
    var mismatches: [String] = []
    for vector in vectors {
      guard let bits = vector.arrayValue?.first?.stringValue.flatMap({ UInt64($0, radix: 16) }),
        let expected = vector.arrayValue?.last?.stringValue
      else {
        Issue.record("malformed vector \(vector.compactString)")
        continue
      }
      let d = Double(bitPattern: bits)
      let written = JSON.double(d).compactString
      if written != expected { mismatches.append("\(bits): \(written) != \(expected)") }
      // What we write parses back to the same double.
      if try JSONParser.parse(written).doubleValue?.bitPattern != (d == 0 ? 0 : bits) {
        mismatches.append("\(written) does not round-trip")
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
  }

  /// Integral numbers written through `.int` must look exactly like the same `.double`.
  @Test(arguments: [0, 1, -1, 100, 9_007_199_254_740_992, 9_007_199_254_740_991, -9_007_199_254_740_991, 1_000_000])
  func integersMatchDoubles(_ i: Int) {
    #expect(JSON.int(i).compactString == JSON.double(Double(i)).compactString)
  }

  @Test(arguments: [
    (JSON.double(-0.0), "0"), (.double(1e21), "1e+21"), (.double(1e20), "100000000000000000000"),
    (.double(1e-7), "1e-7"), (.double(0.000001), "0.000001"), (.double(0.1 + 0.2), "0.30000000000000004"),
    (.double(.leastNonzeroMagnitude), "5e-324"), (.double(123_456_789_012_345_683_968), "123456789012345680000"),
    (.double(1.5), "1.5"), (.double(-2.25e-10), "-2.25e-10"), (.double(1e300), "1e+300"),
    (.double(.nan), "null"), (.double(.infinity), "null"), (.double(-.infinity), "null"),
    (.int(Int.max), "9223372036854775807"), (.int(Int.min), "-9223372036854775808"),
  ])
  func numbers(_ value: JSON, _ expected: String) {
    #expect(value.compactString == expected)
  }

  @Test func keyOrderIsInsertionOrder() {
    var object = JSONObject()
    object["z"] = 1
    object["a"] = 2
    object["z"] = 3
    #expect(JSON.object(object).compactString == #"{"z":3,"a":2}"#)
    object["z"] = nil
    #expect(JSON.object(object).compactString == #"{"a":2}"#)
  }

  @Test func writeAppendsToExistingBytes() {
    var out = Array("x=".utf8)
    JSONWriter().write(["a": [1, true, nil]], into: &out)
    #expect(String(decoding: out, as: UTF8.self) == #"x={"a":[1,true,null]}"#)
  }

  @Test func prettyEmptyContainersStayOnOneLine() {
    #expect(JSON.object(["a": [:], "b": []]).prettyString == "{\n  \"a\": {},\n  \"b\": []\n}")
  }
}
