import Diagnostics
import JSONText
import YAMLLoading

/// One key of a mapping of the playbook or scenario language: its name, the shape of its value, whether it is
/// required, and the words an editor shows for it.
///
/// The decoders take the keys they accept from these tables and the JSON Schemas are generated from them, so a
/// new key is written once, in `PlaybookKeys` or `ScenarioKeys`, and both learn it.
struct KeySpec: Sendable {
    /// The shape of a key's value, as the schema describes it.
    indirect enum Shape: Sendable {
        /// Text people read: a string, or `{ en, zh }`.
        case text
        /// An id (`on_site`).
        case name
        /// An id, or a list of ids.
        case names
        /// A length (`10m`) or a severity clock's name.
        case duration
        /// A length only.
        case length
        /// A step id, or `outcome.NAME`.
        case target
        /// `true` or `false`.
        case boolean(default: Bool?)
        /// Any string.
        case string
        /// A string, or a number where one is likely (`version: 1.0`).
        case stringOrNumber
        /// One of a closed set of words.
        case oneOf([String], default: String?)
        /// A whole number in a range.
        case integer(ClosedRange<Int>)
        /// A definition of the schema's `$defs`, by name.
        case definition(String)
        /// A mapping with a closed set of keys, written in place.
        case mapping(MappingSpec)
        /// Ids mapped to values of one shape.
        case namedMap(of: Shape, atLeastOne: Bool)
        /// A list of values of one shape.
        case list(of: Shape)
        /// A shape the building blocks do not cover, as a schema fragment (its keys still come from this table).
        case schema(JSONValue)
    }

    /// The key as written.
    var name: String
    /// A short title, for editors' hovers.
    var title: String?
    /// What the key means, in English.
    var description: String
    /// The shape of its value.
    var shape: Shape
    /// Whether the mapping must have it.
    var required: Bool = false

    init(_ name: String, _ title: String?, _ description: String, _ shape: Shape, required: Bool = false) {
        self.name = name
        self.title = title
        self.description = description
        self.shape = shape
        self.required = required
    }

    /// The words this key may take, when it takes one of a closed set.
    var allowedValues: [String]? {
        if case .oneOf(let values, _) = shape { return values }
        return nil
    }
}

/// A mapping of the language with a closed set of keys: a role, a step, an inject.
struct MappingSpec: Sendable {
    /// The name of its schema definition (`role`, `step`), or of the place it is written in.
    var id: String
    /// A short title.
    var title: String?
    /// What it is.
    var description: String?
    /// Its keys, in the order the schema lists them.
    var keys: [KeySpec]

    init(_ id: String, _ title: String?, _ description: String?, _ keys: [KeySpec]) {
        self.id = id
        self.title = title
        self.description = description
        self.keys = keys
    }

    /// The keys' names: what the decoder accepts.
    var names: [String] { keys.map(\.name) }

    /// The keys the mapping must have.
    var requiredNames: [String] { keys.filter(\.required).map(\.name) }

    /// The key named `name`.
    subscript(_ name: String) -> KeySpec? { keys.first { $0.name == name } }

    /// The words key `name` may take; empty when it takes any.
    func allowedValues(_ name: String) -> [String] { self[name]?.allowedValues ?? [] }

    /// The same mapping with some keys only (a branch's `when`/`goto` and its `else` are one mapping to the
    /// decoder and two alternatives to the schema).
    func only(_ names: [String], id: String, title: String?, description: String?) -> MappingSpec {
        MappingSpec(id, title, description, keys.filter { names.contains($0.name) })
    }

    /// The same mapping without some keys (a step inside a track has no `phase`).
    func without(_ names: [String], id: String, title: String?) -> MappingSpec {
        MappingSpec(id, title, description, keys.filter { !names.contains($0.name) })
    }
}

extension FieldReader {
    /// Reads `node` as the mapping `spec` describes, accepting its keys and no others.
    init?(_ node: YAMLNode, _ what: String, keys spec: MappingSpec, owner: SourceLocation? = nil,
          reader: inout NodeReader)
    {
        self.init(node, what, known: spec.names, owner: owner, reader: &reader)
    }
}
