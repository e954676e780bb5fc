/// Reads a scenario file: JSON syntax errors with `line:column`, everything else with the field path
/// and what is allowed. Substitutes `${ENV_VAR}` (and `${ENV_VAR:-default}`) from the environment.
public struct ScenarioLoader: Sendable {
  /// The file name used in messages.
  public var file: String
  /// Environment variables for `${NAME}` substitution; `nil`: none is read (a scenario sent over HTTP carries literal
  /// values, so `${NAME}` needs its `:-default`).
  public var environment: [String: String]?
  /// Operation names steps may use (besides `repeat`).
  public var operations: [String]

  /// Creates a loader.
  public init(file: String, environment: [String: String]?, operations: [String] = ScenarioOperations.names) {
    self.file = file
    self.environment = environment
    self.operations = operations
  }

  /// Maximum scenario size accepted, in bytes.
  public static let maxFileBytes = 8 << 20

  /// Most operations one scenario may run, counting `count` and `repeat.times` multiplied out and each
  /// generated voucher. 25,000, down from 100,000: the plan holds every rendered sendout, and 100,000
  /// publications (2–3 sendouts each) took 22 s and 3.5 GB to validate; at 25,000 the heaviest shape takes
  /// about 4 s (`scripts/bench.sh limits`).
  public static let maxOperations = 25_000

  /// How many operations `steps` run (saturating at `Int.max`); each voucher a `campaign_create` generates
  /// (`vouchers_count`) counts as one more, since generating it is work of the same size.
  static func operationCount(_ steps: [ScenarioStep]) -> Int {
    var total = 0
    for step in steps {
      let vouchers = step.operation == "campaign_create" ? voucherCount(step.parameters) : 0
      let inner = step.steps.isEmpty ? 1 + vouchers : operationCount(step.steps)
      let (product, overflow) = step.count.multipliedReportingOverflow(by: inner)
      let (sum, overflow2) = total.addingReportingOverflow(product)
      if overflow || overflow2 { return Int.max }
      total = sum
    }
    return total
  }

  /// The `vouchers_count` of a campaign object, 0 when absent or not a small non-negative integer.
  static func voucherCount(_ campaign: JSONObject) -> Int {
    guard let count = campaign["vouchers_count"]?.intValue, count > 0 else { return 0 }
    return min(count, maxOperations + 1)
  }

  /// Parses and checks a scenario; an error never shows a value taken from the environment (`EnvironmentValues`).
  public func load(_ bytes: [UInt8]) throws(ScenarioError) -> Scenario {
    var used = EnvironmentValues()
    var issues = ScenarioIssues(collecting: false)
    do {
      var scenario = try decode(bytes, used: &used, issues: &issues)
      scenario.environment = used
      return scenario
    } catch {
      throw used.hiding(error)
    }
  }

  /// Every problem of the file (`sendout validate`), not only the first: each field, webhook, distribution, step
  /// and expectation is checked on its own, and each problem carries the `line:column` of the field it names (in file
  /// order). A file that is not JSON (or too large) is one problem. Empty when `load` would succeed.
  public func problems(_ bytes: [UInt8]) -> [ScenarioError] {
    var used = EnvironmentValues()
    var issues = ScenarioIssues(collecting: true)
    do { _ = try decode(bytes, used: &used, issues: &issues) } catch { issues.found.append(error) }
    let positions = JSONLocator.positions(of: bytes)
    let located = issues.found.map { error in
      var located = used.hiding(error)
      if located.position == nil, let position = positions[error.path] { located.position = position }
      return located
    }
    let unknown = (line: Int.max, column: Int.max)
    return located.enumerated().sorted { a, b in
      let (p, q) = (a.element.position ?? unknown, b.element.position ?? unknown)
      return (p.line, p.column, a.offset) < (q.line, q.column, b.offset)
    }.map(\.element)
  }

  private func decode(_ bytes: [UInt8], used: inout EnvironmentValues, issues: inout ScenarioIssues)
    throws(ScenarioError) -> Scenario
  {
    guard bytes.count <= ScenarioLoader.maxFileBytes else {
      throw ScenarioError(
        file: file, path: "", reason: "file is \(bytes.count) bytes; the limit is \(ScenarioLoader.maxFileBytes)")
    }
    let json: JSON
    do { json = try JSONParser.parse(bytes) } catch {
      throw ScenarioError(file: file, line: error.line, column: error.column, reason: error.reason)
    }
    var root = try FieldReader(try substitute(json, path: "", used: &used), path: "", file: file)
    try issues.attempt(()) { (_) throws(ScenarioError) in try readVersion(&root) }
    let name = try issues.attempt(file) { (_) throws(ScenarioError) in try root.string("name") ?? file }
    let seed = try issues.attempt(1) { (_) throws(ScenarioError) in UInt64(try root.int("seed") ?? 1) }
    let start = try issues.attempt(SingleEventRequest.defaultStart) { (_) throws(ScenarioError) in
      guard let text = try root.string("start") else { return SingleEventRequest.defaultStart }
      guard let t = Timestamp(iso8601: text) else {
        throw root.error("start", "'\(text)' is not an ISO-8601 UTC time like 2024-03-13T13:45:00.000Z")
      }
      return t
    }
    let project = try issues.attempt(ProjectConfig(id: nil, secret: nil, webhooks: [])) {
      (issues) throws(ScenarioError) in
      try readProject(&root, issues: &issues)
    }
    let distributionValues = try issues.attempt([]) { (_) throws(ScenarioError) in try root.array("distributions") ?? []
    }
    var distributions: [DistributionConfig] = []
    for (i, v) in distributionValues.enumerated() {
      let read = try issues.attempt(nil) { (_) throws(ScenarioError) in
        try readDistribution(v, path: root.child("distributions") + ".\(i)")
      }
      if let read { distributions.append(read) }
    }
    let world = try issues.attempt(nil) { (_) throws(ScenarioError) in try root.reader("world") }
    var worldObject = JSONObject()
    if let world { worldObject = world.object }
    let stepValues = try issues.attempt([]) { (_) throws(ScenarioError) in try root.array("steps") ?? [] }
    let steps = try readSteps(stepValues, path: root.child("steps"), issues: &issues)
    let worldVouchers = (worldObject["campaigns"]?.arrayValue ?? []).reduce(0) { total, campaign in
      guard case .object(let object) = campaign else { return total }
      return min(total + ScenarioLoader.voucherCount(object), ScenarioLoader.maxOperations + 1)
    }
    let (operations, overflow) = ScenarioLoader.operationCount(steps).addingReportingOverflow(worldVouchers)
    if overflow || operations > ScenarioLoader.maxOperations {
      throw root.error(
        "steps",
        "the steps run \(overflow || operations == Int.max ? "over \(Int.max)" : "\(operations)") operations "
          + "(counts and repeats multiplied, each generated voucher counted); the limit is \(ScenarioLoader.maxOperations)"
      )
    }
    let defaultExpect = Expectations(allDelivered: true, maxFailures: nil, received: [], p99Milliseconds: nil)
    let expect = try issues.attempt(defaultExpect) { (_) throws(ScenarioError) in try readExpectations(&root) }
    try issues.attempt(()) { (_) throws(ScenarioError) in try root.finish() }
    return Scenario(
      name: name, seed: seed, start: start, project: project, distributions: distributions, world: worldObject,
      steps: steps, expect: expect)
  }

  /// `version`: required, and one of `Scenario.supportedVersions`.
  private func readVersion(_ root: inout FieldReader) throws(ScenarioError) {
    let supported = Scenario.supportedVersions.map(String.init).joined(separator: ", ")
    guard let version = try root.int("version", in: Int.min...Int.max) else {
      throw root.error("version", "is required; supported versions: \(supported)")
    }
    guard Scenario.supportedVersions.contains(version) else {
      throw root.error("version", "version \(version) is not supported; supported versions: \(supported)")
    }
  }

  private func readProject(_ root: inout FieldReader, issues: inout ScenarioIssues) throws(ScenarioError)
    -> ProjectConfig
  {
    guard var p = try root.reader("project") else { return ProjectConfig(id: nil, secret: nil, webhooks: []) }
    let id = try p.string("id")
    let secret = try p.string("secret")
    var webhooks: [ProjectWebhookConfig] = []
    for (i, v) in (try p.array("webhooks") ?? []).enumerated() {
      let webhook = try issues.attempt(nil) { (_) throws(ScenarioError) in
        try readWebhook(v, path: p.child("webhooks") + ".\(i)")
      }
      if let webhook { webhooks.append(webhook) }
    }
    try p.finish()
    return ProjectConfig(id: id, secret: secret, webhooks: webhooks)
  }

  private func readWebhook(_ value: JSON, path: String) throws(ScenarioError) -> ProjectWebhookConfig {
    var w = try FieldReader(value, path: path, file: file)
    var events: [String]? = nil
    if let e = w.value("events") {
      if e == .string("all") {
        events = nil
      } else if case .array(let list) = e, list.allSatisfy({ $0.stringValue != nil }) {
        events = list.compactMap(\.stringValue)
        for (j, type) in (events ?? []).enumerated() where EventCatalog.descriptor(for: type) == nil {
          let hint =
            Suggest.closest(to: type, in: EventCatalog.all.map(\.type)).map { " (did you mean '\($0)'?)" } ?? ""
          throw w.error("events.\(j)", "unknown event type '\(type)'\(hint); run 'sendout events' for the list")
        }
      } else {
        throw w.error("events", "expected \"all\" or an array of event types")
      }
    }
    let webhook = ProjectWebhookConfig(
      id: try w.string("id"), targetURL: try targetURL(&w), events: events, active: try w.bool("active") ?? true,
      headers: try headers(&w))
    try w.finish()
    return webhook
  }

  private func readDistribution(_ value: JSON, path: String) throws(ScenarioError) -> DistributionConfig {
    var d = try FieldReader(value, path: path, file: file)
    let trigger = try d.string("trigger") ?? ""
    guard let descriptor = EventCatalog.descriptor(for: trigger), descriptor.configuredIn.contains(.distribution) else {
      let distributionTypes = EventCatalog.all.filter { $0.configuredIn.contains(.distribution) }.map(\.type)
      let hint = Suggest.closest(to: trigger, in: distributionTypes).map { " (did you mean '\($0)'?)" } ?? ""
      throw d.error("trigger", "'\(trigger)' is not a distribution event\(hint); run 'sendout events' for the list")
    }
    let allowed = descriptor.purposes.isEmpty ? [DistributionPurpose.plainMessage] : descriptor.purposes
    let purposeText = try d.oneOf("purpose", allowed.map(\.rawValue)) ?? allowed[0].rawValue
    let purpose = DistributionPurpose(rawValue: purposeText) ?? allowed[0]
    let template = try readTemplate(&d, descriptor: descriptor, purpose: purpose)
    let config = DistributionConfig(
      name: try d.string("name") ?? trigger, id: try d.string("id"), trigger: trigger, purpose: purpose,
      eventName: try d.string("event_name") ?? SingleEventRequest.defaultEventName(for: trigger),
      targetURL: try targetURL(&d), headers: try headers(&d), template: template,
      rawPayload: try d.bool("raw_payload") ?? false, active: try d.bool("active") ?? true)
    if config.rawPayload && template == nil {
      throw d.error("raw_payload", "needs a `template` or `attributes`: the raw payload is the designed payload")
    }
    try d.finish()
    return config
  }

  private func readTemplate(_ d: inout FieldReader, descriptor: EventDescriptor, purpose: DistributionPurpose)
    throws(ScenarioError) -> PayloadTemplate?
  {
    let attributes = try d.stringMap("attributes")
    let raw = d.value("template")
    guard raw != nil || !attributes.isEmpty else { return nil }
    let template: PayloadTemplate
    do throws(TemplateError) {
      switch raw {
      case .string(let text)?: template = try PayloadTemplate(parsing: text)
      case .object(let o)?: template = try PayloadTemplate(parsing: JSON.object(o).prettyString)
      case .array(let a)?: template = try PayloadTemplate(parsing: JSON.array(a).prettyString)
      case nil: template = PayloadTemplate(attributes: attributes)
      case let other?:
        throw .syntax(
          line: 1, column: 1, reason: "expected a template string or a JSON object, found \(other.typeName)")
      }
    } catch {
      throw d.error("template", "\(error)")
    }
    if raw != nil && !attributes.isEmpty {
      throw d.error("attributes", "use either `template` or `attributes`, not both")
    }
    if let sample = try? SampleWorld.event(type: descriptor.type, seed: 1, start: SingleEventRequest.defaultStart) {
      do { try template.validate(against: sample.data(for: purpose)) } catch {
        throw d.error(raw == nil ? "attributes" : "template", "\(error)")
      }
    }
    return template
  }

  /// `target_url`, which must be an absolute http(s) URL.
  private func targetURL(_ r: inout FieldReader) throws(ScenarioError) -> String? {
    guard let url = try r.string("target_url") else { return nil }
    do throws(DeliveryError) { try TransportRequest.validate(url: url) } catch {
      throw r.error("target_url", error.message)
    }
    return url
  }

  private func headers(_ r: inout FieldReader) throws(ScenarioError) -> [HTTPHeader] {
    try r.stringMap("headers").map { (name, value) throws(ScenarioError) in
      do throws(DeliveryError) {
        try CustomHeader.validate(name: name)
        try CustomHeader.validate(value: value, name: name)
      } catch {
        throw r.error("headers.\(name)", error.message)
      }
      return HTTPHeader(name, value)
    }
  }

  private func readSteps(_ values: [JSON], path: String, issues: inout ScenarioIssues) throws(ScenarioError)
    -> [ScenarioStep]
  {
    var steps: [ScenarioStep] = []
    for (i, v) in values.enumerated() {
      let step = try issues.attempt(nil) { (issues) throws(ScenarioError) in
        try readStep(v, path: "\(path).\(i)", issues: &issues)
      }
      if let step { steps.append(step) }
    }
    return steps
  }

  private func readStep(_ value: JSON, path: String, issues: inout ScenarioIssues) throws(ScenarioError)
    -> ScenarioStep
  {
    var s = try FieldReader(value, path: path, file: file)
    let name = try s.string("name")
    let count = try s.int("count", in: 1...1_000_000) ?? 1
    let ops = s.object.keys.filter { $0 != "name" && $0 != "count" }
    guard ops.count == 1, let op = ops.first else {
      throw s.error(
        nil,
        ops.isEmpty
          ? "a step needs one operation; expected one of: \((["repeat"] + operations).joined(separator: ", "))"
          : "a step has exactly one operation, found: \(ops.joined(separator: ", "))")
    }
    guard op == "repeat" || operations.contains(op) else {
      let hint = Suggest.closest(to: op, in: ["repeat"] + operations).map { " (did you mean '\($0)'?)" } ?? ""
      throw s.error(
        op, "unknown operation\(hint); expected one of: \((["repeat"] + operations).joined(separator: ", "))")
    }
    var params: FieldReader
    if let given = try s.reader(op) {
      params = given
    } else {
      params = try FieldReader(.object([:]), path: s.child(op), file: file)
    }
    var nested: [ScenarioStep] = []
    var times = count
    if op == "repeat" {
      times = try params.int("times", in: 1...1_000_000) ?? count
      let values = try params.array("steps") ?? []
      nested = try readSteps(values, path: params.child("steps"), issues: &issues)
      guard !values.isEmpty else { throw params.error("steps", "`repeat` needs at least one step") }
      try params.finish()
    }
    try s.finish()
    return ScenarioStep(
      name: name, operation: op, parameters: op == "repeat" ? [:] : params.object, count: times, steps: nested,
      path: path)
  }

  private func readExpectations(_ root: inout FieldReader) throws(ScenarioError) -> Expectations {
    guard var e = try root.reader("expect") else {
      return Expectations(allDelivered: true, maxFailures: nil, received: [], p99Milliseconds: nil)
    }
    let received = try (e.array("received") ?? []).enumerated().map { (i, v) throws(ScenarioError) in
      guard let s = v.stringValue, EventCatalog.descriptor(for: s) != nil else {
        throw e.error("received.\(i)", "expected an event type; run 'sendout events' for the list")
      }
      return s
    }
    let expectations = Expectations(
      allDelivered: try e.bool("all_delivered") ?? true, maxFailures: try e.int("max_failures"), received: received,
      p99Milliseconds: try e.duration("p99_latency"),
      duplicatesAcknowledged: try e.bool("duplicates_acknowledged") ?? false)
    try e.finish()
    return expectations
  }
}
