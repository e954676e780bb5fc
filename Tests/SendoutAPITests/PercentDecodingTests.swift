import SendoutAPI
import Testing

/// Query strings and path segments as the mock API reads them: split on the bytes `&`, `=` and `/` (as URLs are),
/// `+` a space in a query, `%XX` decoded to UTF-8, a malformed escape refused.
@Suite struct PercentDecodingTests {
  @Test func aQueryStringGivesItsNamesAndValues() {
    #expect(PercentDecoding.query("a=1&b=x%20y+z") == ["a": "1", "b": "x y z"])
    #expect(PercentDecoding.query("limit=5&limit=10") == ["limit": "10"], "a repeated name keeps its last value")
    #expect(PercentDecoding.query("k=v=w") == ["k": "v=w"], "only the first `=` separates")
    #expect(PercentDecoding.query("&&a=1&&flag&") == ["a": "1", "flag": ""], "empty pairs dropped, no `=` is empty")
    #expect(PercentDecoding.query("a+b=c%2Bd") == ["a b": "c+d"], "an encoded plus stays a plus")
    #expect(PercentDecoding.query("name=Jos%C3%A9&city=Łódź") == ["name": "José", "city": "Łódź"])
    #expect(PercentDecoding.query("a=%2") == nil && PercentDecoding.query("a=%zz") == nil, "malformed escapes")
    #expect(PercentDecoding.query("a=%FF") == nil, "not UTF-8")
  }

  @Test func aPathSegmentIsDecodedAndAPlusStaysAPlus() {
    #expect(PercentDecoding.decode("CODE%201%2Fx") == "CODE 1/x")
    #expect(PercentDecoding.decode("a+b") == "a+b")
    #expect(PercentDecoding.decode("50%") == nil)
  }

  /// The router splits on the byte `/`, so a combining mark after a slash does not hide the slash.
  @Test func theRouterSplitsThePathOnItsBytes() {
    let router = APIRouter()
    guard case .operation(let operation, let parameters) = router.match(method: "GET", path: "//v1/vouchers/\u{301}")
    else {
      Issue.record("no operation for a code that is one combining mark")
      return
    }
    #expect(operation.operationID == "get-voucher" && parameters["code"] == "\u{301}")
  }
}
