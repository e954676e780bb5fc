import SendoutCore

/// A resource served over one entity table of the world, localstripe's lesson: one generic base for create, get,
/// update, delete and list, and a resource states only what differs. The base finds the entity the path names (or
/// answers Voucherify's 404 naming `object`), checks it belongs to the parent the path names, renders it, lists with
/// a filter, `order`, paging and the list envelope, and answers a delete with 204. Writes are the world's operations;
/// the events they return are the resource's event hook (they become the answer's webhooks), so a resource whose
/// operations emit none sends none. `endpoints(_:)` turns the resource into registry rows, by `operationId`.
struct APIResource<Entity: Identifiable & Sendable>: Sendable where Entity.ID == String {
  /// The spec's response object of an entity, read in the world after the call.
  typealias Render = @Sendable (Entity, World) throws(VoucherifyError) -> JSONObject
  /// A creation: the request's entity, made by a world operation, with the events it emitted.
  typealias Create = @Sendable (APIRequest, inout World) throws(VoucherifyError) -> Emitted<Entity>
  /// An update of the entity the path names, by a world operation, with the events it emitted.
  typealias Update = @Sendable (Entity, APIRequest, inout World) throws(VoucherifyError) -> Emitted<Entity>
  /// A deletion of the entity the path names, by a world operation; the events it emitted.
  typealias Delete = @Sendable (Entity, inout World) throws(VoucherifyError) -> [WorldEvent]

  /// A sort field: how two entities compare ascending.
  typealias Order = @Sendable (Entity, Entity) -> Bool

  /// What an operation does with the resource.
  enum Verb: Sendable { case create, get, update, delete, list }

  /// The parent the path names (a campaign, a rule…): its id, or its own 404, and the entity's parent id.
  struct Parent: Sendable {
    /// The id of the parent the path names, or the parent's 404; `nil` when the path names none (the whole table).
    let id: @Sendable (APIRequest, World) throws(VoucherifyError) -> String?
    /// The id of the entity's parent.
    let key: @Sendable (Entity) -> String
  }

  /// How the resource lists.
  struct Listing: Sendable {
    /// The array's key in the envelope (`data_ref`).
    var key = "data"
    /// The `order` query's fields; none: creation order, the query ignored.
    var order: [String: Order] = [:]
    /// Whether `limit`/`page` page the list (10 by default); otherwise every item.
    var paged = true
    /// The resource's list operations whose spec offers no `limit`: listed whole.
    var unpaged: Set<String> = []
    /// Whether the envelope says `has_more`.
    var hasMore = false
    /// The query's filter, or its 400.
    var filter: (@Sendable (APIRequest, World) throws(VoucherifyError) -> (Entity) -> Bool)?
  }

  /// The resource type a 404 names (`segment`, `validation_rules`…).
  let object: String
  /// The path parameter holding the id.
  let idParameter: String
  /// The world's table of the entities.
  let table: @Sendable (World) -> EntityTable<Entity>
  /// The response object.
  let json: Render
  /// The parent the path names, if any.
  var parent: Parent?
  /// How the resource lists.
  var listing = Listing()
  /// The world operation behind `create`.
  var create: Create?
  /// The world operation behind `update`.
  var update: Update?
  /// The world operation behind `delete`.
  var delete: Delete?
  /// How the path's id names an entity (by id or source id); `nil`: by the table's id.
  var find: (@Sendable (String, World) -> Entity?)?

  /// The registry rows: each `operationId` with what it does.
  func endpoints(_ rows: [String: Verb]) -> [String: APIEndpoints.Handler] {
    rows.mapValues(handler)
  }

  /// The endpoint doing `verb`; a write without its world operation answers 501.
  func handler(_ verb: Verb) -> APIEndpoints.Handler {
    { request, world throws(VoucherifyError) in
      switch verb {
      case .get: return APIAnswer(body: .object(try json(try entity(request, world), world)))
      case .list: return APIAnswer(body: try list(request, world))
      case .create:
        guard let create else { throw notSimulated(.create) }
        return try answer(try create(request, &world), world)
      case .update:
        guard let update else { throw notSimulated(.update) }
        return try answer(try update(try entity(request, world), request, &world), world)
      case .delete:
        guard let delete else { throw notSimulated(.delete) }
        return APIAnswer(body: .null, events: try delete(try entity(request, world), &world))
      }
    }
  }

  /// The entity the path names, of the parent it names, or Voucherify's 404 (the parent's first).
  func entity(_ request: APIRequest, _ world: World) throws(VoucherifyError) -> Entity {
    let parentID = try self.parentID(request, world)
    let id = request.parameter(idParameter)
    guard let entity = find.map({ $0(id, world) }) ?? table(world)[id: id],
      parentID == nil || parent?.key(entity) == parentID
    else {
      throw VoucherifyError.notFound(object, id: id)
    }
    return entity
  }

  /// The list envelope of the entities the query selects (of the parent the path names), ordered and paged.
  private func list(_ request: APIRequest, _ world: World) throws(VoucherifyError) -> JSON {
    var items = Array(table(world))
    if let parent, let id = try parentID(request, world) { items = items.filter { parent.key($0) == id } }
    if let filter = listing.filter { items = items.filter(try filter(request, world)) }
    if !listing.order.isEmpty {
      items = try APIList.sorted(items, request, by: listing.order.mapValues { order in { order($0, $1) } })
    }
    let paged = listing.paged && !listing.unpaged.contains(request.operation.operationID)
    let page = paged ? try APIList.page(items, request) : items[...]
    var rendered: [JSON] = []
    for entity in page { rendered.append(.object(try json(entity, world))) }
    return APIList.body(
      listing.key, rendered, total: items.count, hasMore: listing.hasMore ? page.endIndex < items.count : nil)
  }

  /// The id of the parent the path names, or its 404; `nil` without one.
  private func parentID(_ request: APIRequest, _ world: World) throws(VoucherifyError) -> String? {
    guard let parent else { return nil }
    return try parent.id(request, world)
  }

  /// The 501 of a write the resource has no world operation for.
  private func notSimulated(_ verb: Verb) -> VoucherifyError {
    VoucherifyError.notSimulated("\(verb) of a \(object) is not simulated by sendout serve")
  }

  /// A write's answer: the entity as the world holds it now, and the events the operation emitted.
  private func answer(_ made: Emitted<Entity>, _ world: World) throws(VoucherifyError) -> APIAnswer {
    APIAnswer(body: .object(try json(made.value, world)), events: made.events)
  }
}
