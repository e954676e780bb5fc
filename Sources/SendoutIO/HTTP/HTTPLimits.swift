/// Size limits for parsing one HTTP/1.1 message; exceeding them is an error with a fitting status.
public struct HTTPLimits: Sendable, Equatable {
  /// Start line plus header fields, in bytes (over it: 431).
  public var maxHeadBytes: Int
  /// Number of header fields (over it: 431).
  public var maxHeaderCount: Int
  /// Decoded body bytes (over it: 413).
  public var maxBodyBytes: Int

  /// Creates limits; the defaults suit webhooks: 16 KiB of head, 100 fields, 1 MiB of body.
  public init(maxHeadBytes: Int = 16 * 1024, maxHeaderCount: Int = 100, maxBodyBytes: Int = 1024 * 1024) {
    self.maxHeadBytes = maxHeadBytes
    self.maxHeaderCount = maxHeaderCount
    self.maxBodyBytes = maxBodyBytes
  }
}
