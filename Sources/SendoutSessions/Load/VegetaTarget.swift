import Foundation
import SendoutCore

/// One request in vegeta's JSON target format (`vegeta attack -format=json`, one object per line):
/// `{"method":…,"url":…,"header":{"Name":["value"]},"body":"<base64>"}`. `sendout load --export` writes them and
/// `examples/locust/locustfile.py` replays them.
public enum VegetaTarget {
  /// The line for a POST of `sendout` to `url`: its headers in order (repeated names gathered into one array,
  /// `content-length` left to the client, which computes it from the body) and its exact body bytes.
  public static func line(_ sendout: Sendout, url: String) -> String {
    var names: [String] = []
    var values: [String: [JSON]] = [:]
    for h in sendout.headers where h.name.lowercased() != "content-length" {
      if values[h.name] == nil { names.append(h.name) }
      values[h.name, default: []].append(.string(h.value))
    }
    let header = JSONObject(names.map { JSONMember($0, .array(values[$0] ?? [])) })
    return JSON.object(
      JSONObject([
        JSONMember("method", .string("POST")), JSONMember("url", .string(url)), JSONMember("header", .object(header)),
        JSONMember("body", .string(Data(sendout.body).base64EncodedString())),
      ])
    ).compactString
  }
}
