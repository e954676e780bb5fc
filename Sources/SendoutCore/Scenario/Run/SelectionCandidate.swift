/// An object a step parameter can select: its id and the other names it answers to (scenario key, name, code).
struct SelectionCandidate {
  /// The object's id.
  var id: String
  /// Keys, names, codes, source ids.
  var aliases: [String]
}
