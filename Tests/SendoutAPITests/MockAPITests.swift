import SendoutCore
import Testing

@testable import SendoutAPI

/// `MockAPI.apply`, the mock's one entry point, without a server: what the HTTP shell relies on for journaling,
/// caching and request ids.
@Suite struct MockAPITests {
  static func call(_ api: InProcessAPI, _ method: String, _ target: String, body: String = "") -> APICall {
    APICall(
      at: api.mock.world.now, method: method, target: target, body: Array(body.utf8),
      authorized: [.server, .management])
  }

  /// A repeated pure read comes from the read cache as the same bytes and still counts as a journaled call (its
  /// request id drawn); a write empties the cache.
  @Test func aRepeatedReadIsCachedAndAWriteEmptiesTheCache() throws {
    let api = try InProcessAPI()
    var mock = api.mock
    let code = mock.world.vouchers[0].code
    let first = mock.apply(Self.call(api, "GET", "/v1/vouchers/\(code)"))
    #expect(first.status == 200 && first.journaled && first.deferredBody != nil)
    let ids = mock.requestIDs
    let again = mock.apply(Self.call(api, "GET", "/v1/vouchers/\(code)"))
    #expect(again.bytes == first.bytesToSend && again.journaled && again.body == .null, "served from the cache")
    let now = mock.world.now
    var (drawn, notDrawn, actual) = (ids, ids, mock.requestIDs)
    _ = drawn.make(.group, at: now)
    let next = actual.make(.group, at: now)
    #expect(next == drawn.make(.group, at: now) && next != notDrawn.make(.group, at: now), "the hit drew one id")
    let disabled = mock.apply(Self.call(api, "POST", "/v1/vouchers/\(code)/disable"))
    #expect(disabled.status == 200 && disabled.journaled && !disabled.sendouts.isEmpty)
    let after = mock.apply(Self.call(api, "GET", "/v1/vouchers/\(code)"))
    #expect(after.bytesToSend != first.bytesToSend, "the disable emptied the cache")
  }

  /// A voucher read's body is built after the call (by the server, outside the world's lock) from the voucher as the
  /// read found it: a write applied before the body is built does not show in it, and the read's first cache hit
  /// writes the same bytes.
  @Test func aDeferredReadShowsTheVoucherAsTheReadFoundIt() throws {
    let api = try InProcessAPI()
    var mock = api.mock
    let code = mock.world.vouchers[0].code
    let read = mock.apply(Self.call(api, "GET", "/v1/vouchers/\(code)"))
    #expect(read.status == 200 && read.bytes == nil && read.deferredBody != nil, "left to the caller to build")
    let hit = mock.apply(Self.call(api, "GET", "/v1/vouchers/\(code)"))
    #expect(mock.apply(Self.call(api, "POST", "/v1/vouchers/\(code)/disable")).status == 200)
    let bytes = read.bytesToSend
    #expect(hit.bytes == bytes, "the first hit wrote the same bytes")
    let body = try JSONParser.parse(bytes)
    #expect(body["code"]?.stringValue == code && body["active"] == true, "the voucher before the disable")
    let after = try JSONParser.parse(mock.apply(Self.call(api, "GET", "/v1/vouchers/\(code)")).bytesToSend)
    #expect(after["active"] == false)
  }

  /// The shell asks `answersFromCache` before it parses a call without a body: true only for a kept read of the same
  /// target, and false once an async action is due by the call's time, whose work must run before the read.
  @Test func answersFromCacheOnlyForAKeptReadWithNoDueWork() throws {
    let api = try InProcessAPI()
    var mock = api.mock
    let code = mock.world.vouchers[0].code
    let read = Self.call(api, "GET", "/v1/vouchers/\(code)")
    #expect(!mock.answersFromCache(read), "not read yet")
    _ = mock.apply(read)
    #expect(mock.answersFromCache(read))
    #expect(!mock.answersFromCache(Self.call(api, "GET", "/v1/vouchers/\(code)?other")), "another target")
    let bulk = mock.apply(
      Self.call(api, "POST", "/v1/customers/bulk/async", body: #"[{"source_id":"due-ann","name":"Ann"}]"#))
    #expect(bulk.status == 202, "\(bulk.body)")
    #expect(!mock.answersFromCache(read), "the bulk call emptied the cache")
    _ = mock.apply(read)
    #expect(mock.answersFromCache(read), "kept again while the action waits")
    var later = read
    later.at = read.at.adding(milliseconds: 60_000)
    #expect(!mock.answersFromCache(later), "the action is due by then: the read goes through `apply`")
    _ = mock.apply(later)
    #expect(mock.world.customers.contains { $0.sourceID == "due-ann" }, "the due work ran")
  }

  /// A call refused before any endpoint is not journaled, changes nothing and draws its request id from the refused
  /// sequence; without an admin table, `/_sendout/…` is no route.
  @Test func refusedCallsAreNotJournaled() throws {
    let api = try InProcessAPI()
    var mock = api.mock
    let journaled = mock.requestIDs
    for (method, target, body) in [
      ("GET", "/v1/nowhere", ""), ("DELETE", "/v1/vouchers", ""), ("POST", "/v1/customers", "[1]"),
      ("GET", "/_sendout/clock", ""),
    ] {
      let outcome = mock.apply(Self.call(api, method, target, body: body))
      #expect(!outcome.journaled && outcome.status >= 400 && outcome.sendouts.isEmpty, "\(method) \(target)")
      #expect(outcome.body["request_id"]?.stringValue?.isEmpty == false)
    }
    var (unchanged, actual) = (journaled, mock.requestIDs)
    #expect(actual.make(.group, at: mock.world.now) == unchanged.make(.group, at: mock.world.now))
    #expect(mock.world.customers.count == api.mock.world.customers.count)
  }

  /// A call the shell parsed before taking the world's lock (`MockAPI.parse`) is answered exactly as one the mock
  /// parses itself: the same status, body and request id, for each stage that can refuse it and for calls that
  /// reach their endpoint (the same world after them).
  @Test func aCallParsedAheadIsAnsweredAsOneParsedInside() throws {
    let api = try InProcessAPI()
    let code = api.mock.world.vouchers[0].code
    let validation = #"{"redeemables":[{"object":"voucher","id":"\#(code)"}],"order":{"amount":20000}}"#
    var (inside, ahead) = (api.mock, api.mock)
    for (method, target, body, keys) in [
      ("POST", "/v1/validations", validation, Set<APIOperation.Auth>([.server])),
      ("POST", "/v1/qualifications", #"{"order":{"amount":500}}"#, [.server]),
      ("POST", "/v1/customers", #"{"source_id":"ahead","name":"Ahead"}"#, [.server]),
      ("POST", "/v1/nowhere", "{}", [.server]),  // no route
      ("PATCH", "/v1/validations", "{}", [.server]),  // method not allowed
      ("POST", "/v1/validations", validation, []),  // no keys
      ("POST", "/v1/validations", "{\"order\":", [.server]),  // malformed body
      ("POST", "/v1/customers", "[1]", [.server]),  // not an object
      ("POST", "/v1/validations?x=%zz", validation, [.server]),  // malformed query
      ("POST", "/v1/validations", #"{"redeemables":"none"}"#, [.server]),  // the request shape refuses it
    ] {
      let call = APICall(
        at: api.mock.world.now, method: method, target: target, body: Array(body.utf8), authorized: keys)
      let (plain, parsed) = (inside.apply(call), ahead.apply(call, parsed: MockAPI.parse(call)))
      #expect(plain.status == parsed.status && plain.body == parsed.body, "\(method) \(target) \(body)")
      #expect(plain.journaled == parsed.journaled && plain.sendouts.count == parsed.sendouts.count)
    }
    #expect(inside.world.customers.count == ahead.world.customers.count)
    #expect(inside.world.customers.count == api.mock.world.customers.count + 1)
  }
}
