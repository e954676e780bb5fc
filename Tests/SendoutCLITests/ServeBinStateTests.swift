import Foundation
import SendoutCore
import Testing

/// The bin across a `kill -9`: a product and a SKU deleted without `force`, the process killed and started again
/// from its `--state` journal: the same bin entries (ids included), the binned product still out of reads, and its
/// source id still taken.
@Suite(.timeLimit(.minutes(1))) struct ServeBinStateTests {
  @Test func binnedProductsAndSKUsAreReplayedWithTheSameEntries() async throws {
    let (state, audit) = ServeStateTests.stateFiles("bin")
    defer { ServeStateTests.remove(state, audit) }
    let first = try ServeStateTests.ServeProcess(state: state, audit: audit)
    for (path, body) in [
      ("/v1/products", #"{"source_id":"st-mug","name":"Mug"}"#), ("/v1/products/st-mug/skus", #"{"source_id":"st-r"}"#),
      ("/v1/products", #"{"source_id":"st-cup"}"#), ("/v1/products/st-cup/skus", #"{"source_id":"st-b"}"#),
    ] {
      #expect(try await first.call("POST", path, body: body).0 == 200)
    }
    #expect(try await first.call("DELETE", "/v1/products/st-mug").0 == 204)
    #expect(try await first.call("DELETE", "/v1/products/st-cup/skus/st-b").0 == 204)
    let (_, bin) = try await first.call("GET", "/v1/trash-bin")
    #expect(bin["data"]?.arrayValue?.map { $0["resource_type"] } == ["product", "sku"], "\(bin)")
    let (_, cup) = try await first.call("GET", "/v1/products/st-cup")
    first.kill()

    let second = try ServeStateTests.ServeProcess(state: state, audit: audit)
    defer { second.kill() }
    #expect(second.firstLine.contains("8 calls replayed"), "\(second.firstLine)")
    #expect(try await second.call("GET", "/v1/trash-bin").1 == bin)
    #expect(try await second.call("GET", "/v1/products/st-cup").1 == cup)
    #expect(try await second.call("GET", "/v1/products/st-mug").0 == 404)
    #expect(try await second.call("GET", "/v1/skus/st-b").0 == 404)
    #expect(try await second.call("POST", "/v1/products", body: #"{"source_id":"st-mug"}"#).0 == 409)
  }
}
