/// How a campaign's codes look: a pattern whose `#` characters are drawn from a charset, between a prefix
/// and a postfix. Example: prefix `SPRING-2024-`, pattern `###`, charset digits → `SPRING-2024-481`.
public struct CodeConfig: Sendable, Equatable {
  /// The pattern; every `#` is replaced by a character of `charset`.
  public var pattern: String
  /// The characters codes are made of.
  public var charset: String
  /// Text before the pattern.
  public var prefix: String
  /// Text after the pattern.
  public var postfix: String

  /// Alphanumeric charset Voucherify uses by default.
  public static let alphanumeric = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
  /// Upper-case letters and digits without look-alikes.
  public static let readable = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"

  /// Creates a code configuration.
  public init(pattern: String, charset: String = CodeConfig.alphanumeric, prefix: String = "", postfix: String = "") {
    self.pattern = pattern
    self.charset = charset
    self.prefix = prefix
    self.postfix = postfix
  }

  /// How many distinct codes the pattern can make: `charset.count ^ length`, saturating at `Int.max`.
  public var codeSpace: Int {
    let base = Set(charset).count
    var space = 1
    for _ in 0..<length {
      let (product, overflow) = space.multipliedReportingOverflow(by: base)
      if overflow { return Int.max }
      space = product
    }
    return space
  }

  /// Number of `#` placeholders (`code_config.length`).
  public var length: Int { pattern.filter { $0 == "#" }.count }

  /// A new code: the pattern's `#`s replaced from `charset`, wrapped in prefix and postfix.
  public func generate(using rng: inout SeededGenerator) -> String {
    let chars = Array(charset)
    let body = pattern.map { $0 == "#" ? String(rng.pick(chars)) : String($0) }.joined()
    return prefix + body + postfix
  }

  /// `code_config`.
  public var json: JSONObject {
    [
      "pattern": .string(pattern), "length": .int(length), "charset": .string(charset), "prefix": .string(prefix),
      "postfix": .string(postfix),
    ]
  }
}
