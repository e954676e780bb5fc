import Foundation
import Testing

@testable import SendoutIO

/// An error URLSession reports that is not a `URLError` is summarised by domain and code (`fire` and `load` both
/// print it): its description names the failing URL, password included.
@Suite struct ErrorSummaryTests {
  @Test func anNSErrorIsSummarisedWithoutItsFailingURL() {
    let error = NSError(
      domain: "kCFErrorDomainCFNetwork", code: 310,
      userInfo: [NSURLErrorFailingURLErrorKey: URL(string: "http://user:PASSW0RD@proxy.example/hooks") as Any])
    #expect("\(error)".contains("PASSW0RD"), "what was printed before")
    let summary = URLSessionTransport.summary(of: error)
    #expect(summary == "connection error kCFErrorDomainCFNetwork 310")
    #expect(!summary.contains("PASSW0RD"))
  }
}
