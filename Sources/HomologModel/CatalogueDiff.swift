/// What changed between two versions of a requirements catalogue (`homolog catalogue diff OLD NEW`).
///
/// Requirements are paired by id, then the ids only OLD has with those only NEW has, by statement similarity
/// (probably renamed). Every change list names a pair by its NEW id, with `old_id` when it was renamed.
public struct CatalogueDiff: Codable, Hashable, Sendable {
  /// One catalogue compared.
  public struct Side: Codable, Hashable, Sendable {
    /// The file as given on the command line (`builtin` for the built-in catalogue).
    public var path: String
    public var id: String
    public var title: String
    public var version: String
    public var sha256: String
    public var requirements: Int

    public init(path: String, catalogue: Catalogue) {
      self.path = path
      id = catalogue.id
      title = catalogue.title
      version = catalogue.version
      sha256 = catalogue.sha256
      requirements = catalogue.requirements.count
    }
  }

  /// A requirement only one side has.
  public struct Entry: Codable, Hashable, Sendable {
    public var id: String
    public var level: Level
    public var category: String
    public var title: String

    public init(_ requirement: Requirement) {
      id = requirement.id
      level = requirement.level
      category = requirement.category
      title = requirement.title
    }
  }

  /// An id of OLD paired with an id of NEW by the similarity of their statements.
  public struct Rename: Codable, Hashable, Sendable {
    public var oldId: String
    public var newId: String
    /// Jaccard index of the statements' words, in percent (truncated to one decimal).
    public var similarity: Double

    public init(oldId: String, newId: String, similarity: Double) {
      self.oldId = oldId
      self.newId = newId
      self.similarity = similarity
    }
  }

  /// A paired requirement whose statement changed (white space aside).
  public struct Reword: Codable, Hashable, Sendable {
    public var id: String
    public var oldId: String?
    public var similarity: Double

    public init(id: String, oldId: String?, similarity: Double) {
      self.id = id
      self.oldId = oldId
      self.similarity = similarity
    }
  }

  /// A paired requirement whose level or category changed.
  public struct Change<Value: Codable & Hashable & Sendable>: Codable, Hashable, Sendable {
    public var id: String
    public var oldId: String?
    public var old: Value
    public var new: Value

    public init(id: String, oldId: String?, old: Value, new: Value) {
      self.id = id
      self.oldId = oldId
      self.old = old
      self.new = new
    }
  }

  /// A paired requirement whose parts changed: part ids only one side has, and parts whose proof or checks differ.
  public struct PartsChange: Codable, Hashable, Sendable {
    public var id: String
    public var oldId: String?
    public var added: [String]
    public var removed: [String]
    public var changed: [String]

    public init(id: String, oldId: String?, added: [String], removed: [String], changed: [String]) {
      self.id = id
      self.oldId = oldId
      self.added = added
      self.removed = removed
      self.changed = changed
    }
  }

  public var old: Side
  public var new: Side
  /// The similarity (percent) from which an id removed and an id added are paired as renamed.
  public var renameThreshold: Int
  /// In NEW's order.
  public var added: [Entry] = []
  /// In OLD's order.
  public var removed: [Entry] = []
  /// In OLD's order.
  public var renamed: [Rename] = []
  /// The lists below follow NEW's order.
  public var reworded: [Reword] = []
  public var relevelled: [Change<Level>] = []
  public var recategorized: [Change<String>] = []
  public var parts: [PartsChange] = []

  public init(old: Side, new: Side, renameThreshold: Int) {
    self.old = old
    self.new = new
    self.renameThreshold = renameThreshold
  }

  /// True when no requirement was added, removed, renamed or changed.
  public var isEmpty: Bool {
    added.isEmpty && removed.isEmpty && renamed.isEmpty && reworded.isEmpty && relevelled.isEmpty && recategorized.isEmpty && parts.isEmpty
  }
}
