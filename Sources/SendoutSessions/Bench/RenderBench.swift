import Foundation
import SendoutCore

/// `sendout bench render`: rendered + signed payloads per second on one core.
public enum RenderBench {
  /// Renders and signs events of `eventType` (or `all` renderable types) for `seconds`, each way, on this thread.
  public static func run(eventType: String, seconds: Double) throws(SessionError) -> BenchReport {
    var pairs: [(WorldEvent, WebhookEndpoint)] = []
    let types = eventType == "all" ? EventCatalog.all.filter(\.isRenderable).map(\.type) : [eventType]
    for seed in 1...max(64, types.count) {
      let type = types[(seed - 1) % types.count]
      let request = SingleEventRequest(eventType: type, seed: UInt64(seed), secret: "bench-secret")
      do { pairs.append(try request.prepare()) } catch { throw .usage(error.message) }
    }
    // Each builder alternates between an event and a twin with another event id, so its cache of serialized
    // blocks never hits: every payload is written from the object tree. "resend" lets the cache hit, as a
    // load test or one event sent to several endpoints does.
    let twins = pairs.map { pair in
      var twin = pair.0
      twin.eventID += "x"
      return twin
    }
    var results: [(String, Int, Double, Int)] = []
    for mode in ["render+sign", "resend+sign"] {
      var builders = pairs.map { SendoutBuilder(endpoint: $0.1, seed: 99) }
      let (count, secondsTaken, bytes) = BenchClock.measure(seconds: seconds) { n in
        let i = n % pairs.count
        let event = mode == "render+sign" && (n / pairs.count) % 2 == 1 ? twins[i] : pairs[i].0
        return builders[i].make(event).body.count
      }
      results.append((mode, count, secondsTaken, bytes / max(count, 1)))
    }
    let json = JSON.array(
      results.map { r in
        [
          "mode": .string(r.0), "event_type": .string(eventType), "payloads": .int(r.1), "seconds": .double(r.2),
          "payloads_per_second": .int(Int(Double(r.1) / r.2)), "mean_body_bytes": .int(r.3),
        ]
      })
    let lines = results.map { r in
      "\(r.0) \(eventType): \(Int(Double(r.1) / r.2)) payloads/s on one core (\(r.1) in \(String(format: "%.2f", r.2)) s, mean body \(r.3) B)"
    }
    return BenchReport(lines: lines, json: json)
  }
}
