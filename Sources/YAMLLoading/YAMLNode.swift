public import Diagnostics

/// A node of a loaded YAML document: a scalar, a sequence or a mapping, with where it starts.
///
/// Scalars are kept as text with their style: nothing is typed here (`yes` stays the text "yes"); the field that
/// reads a node decides what it means. An alias is replaced by the node it refers to (with the anchor's
/// location), sharing its storage, so expanding aliases costs no memory.
public struct YAMLNode: Sendable, Hashable {
    /// What kind of node this is, with its contents.
    public enum Content: Sendable, Hashable {
        /// A scalar: text and how it was written.
        case scalar(YAMLScalar)
        /// A sequence of nodes, in order.
        case sequence([YAMLNode])
        /// A mapping of key/value pairs, in document order (duplicates are reported, and kept, by the loader).
        case mapping([YAMLMappingEntry])
    }

    /// The node's contents.
    public var content: Content
    /// Where the node starts: 1-based line and column (columns in Unicode scalars).
    public var location: SourceLocation {
        get { SourceLocation(line: Int(line), column: Int(column)) }
        set {
            line = Int32(clamping: newValue.line)
            column = Int32(clamping: newValue.column)
        }
    }
    // Stored compactly (a 10 MiB file has fewer than 2^31 lines and columns): see `tagCode`.
    private var line: Int32 = 0
    private var column: Int32 = 0
    /// The node's explicit tag as resolved by libyaml (e.g. `tag:yaml.org,2002:str`), if it had one; tags the
    /// loader does not accept read as `!unknown` (they are reported when the file is loaded).
    public var tag: String? {
        get { Self.tagNames[Int(tagCode)] }
        set { tagCode = newValue.map { Self.tagNames.firstIndex(of: $0).map(UInt8.init) ?? 4 } ?? 0 }
    }
    /// The tag, compactly: nodes are many, and their size is what loading a large file spends its time on.
    private var tagCode: UInt8 = 0
    private static let tagNames: [String?] = [
        nil, "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map", "!unknown",
    ]
    /// How many nodes a full expansion of this node would hold, aliases expanded (saturating).
    private var storedExpandedCount: Int32
    var expandedCount: Int { Int(storedExpandedCount) }

    /// Creates a node.
    public init(_ content: Content, at location: SourceLocation, tag: String? = nil) {
        let count: Int
        switch content {
        case .scalar: count = 1
        case .sequence(let items): count = items.reduce(1) { $0 + $1.expandedCount }
        case .mapping(let entries): count = entries.reduce(1) { $0 + $1.key.expandedCount + $1.value.expandedCount }
        }
        self.init(content, at: location, tag: tag, expandedCount: count)
    }

    /// Creates a node whose expanded size the caller has already counted (the loader counts as it appends).
    init(_ content: Content, at location: SourceLocation, tag: String?, expandedCount: Int) {
        self.content = content
        self.storedExpandedCount = Int32(clamping: expandedCount)
        self.location = location
        self.tag = tag
    }

    /// The scalar, if this node is one.
    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    /// The items, if this node is a sequence.
    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The entries, if this node is a mapping.
    public var mapping: [YAMLMappingEntry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    /// `scalar`, `sequence` or `mapping`, for messages ("expected a mapping, found a sequence").
    public var kindName: String {
        switch content {
        case .scalar(let scalar): scalar.isNull ? "nothing" : "a scalar"
        case .sequence: "a sequence"
        case .mapping: "a mapping"
        }
    }
}

/// A scalar's text and the style it was written in.
public struct YAMLScalar: Sendable, Hashable {
    /// How a scalar was written; quoting decides whether `yes`, `~` or `10` could mean something other than text.
    public enum Style: String, Sendable, Hashable {
        case plain
        case singleQuoted = "single-quoted"
        case doubleQuoted = "double-quoted"
        case literal
        case folded
    }

    /// The scalar's text after YAML's escapes and folding.
    public var text: String
    /// How it was written.
    public var style: Style

    /// Creates a scalar.
    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }

    /// Whether the scalar is YAML's null: a plain empty, `~`, `null`, `Null` or `NULL`.
    public var isNull: Bool {
        style == .plain && (text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL")
    }
}

/// One key/value pair of a mapping.
public struct YAMLMappingEntry: Sendable, Hashable {
    /// The key node (a scalar in every file Muster reads).
    public var key: YAMLNode
    /// The value node.
    public var value: YAMLNode

    /// Creates an entry.
    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}
