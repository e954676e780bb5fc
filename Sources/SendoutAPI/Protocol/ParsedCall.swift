import SendoutCore

/// A call as `MockAPI.parse` finds it before the world is read: its operation, path parameters, query and body, or
/// the error the call is answered with (no route, no keys, not simulated, a malformed query or body, a body the
/// operation's request shape refuses). The shell parses a call before it takes the world's lock.
package struct ParsedCall: Sendable {
  /// The operation, the path's parameters, the decoded query and the body.
  package typealias Parts = (operation: APIOperation, parameters: [String: String], query: [String: String], body: JSON)

  private let result: Result<Parts, VoucherifyError>

  /// What `parse` gives, or what it throws.
  init(_ parse: () throws(VoucherifyError) -> Parts) {
    do throws(VoucherifyError) { result = .success(try parse()) } catch { result = .failure(error) }
  }

  /// The parts, or the error parsing threw.
  func checked() throws(VoucherifyError) -> Parts {
    switch result {
    case .success(let parts): return parts
    case .failure(let error): throw error
    }
  }
}
