internal import CYAML
public import Diagnostics

/// What loading a YAML file gave: the document's root node (if it could be built) and every problem found.
public struct LoadedYAML: Sendable {
    /// The root node, or `nil` when the file is empty or a problem stopped the loader.
    public var root: YAMLNode?
    /// Every problem found, in the order found. Some (a duplicate key, an unknown tag) leave a usable `root`, so
    /// that a checker can report the file's other problems in the same pass.
    public var diagnostics: [Diagnostic]
    /// How many nodes the loader built (aliases counted once).
    public var nodeCount: Int
}

/// Loads YAML text into a tree of `YAMLNode`s with 1-based locations, within `LoadLimits`.
///
/// The file's bytes are first checked as text (size, UTF-8, NUL, control characters), then parsed with libyaml's
/// event API into nodes. Along the way the loader enforces what libyaml does not: a nesting limit, an alias
/// expansion budget, unique keys, one document, known tags. A UTF-8 byte order mark is skipped and CRLF line
/// ends count as one line break, so line numbers match what an editor shows.
public enum YAMLLoader {
    /// Loads `bytes`, naming `file` in diagnostics.
    public static func load(_ bytes: [UInt8], file: String, limits: LoadLimits = LoadLimits()) -> LoadedYAML {
        bytes.withUnsafeBufferPointer { buffer in
            if buffer.count > limits.maxFileBytes {
                let at = EncodingCheck.location(ofByte: limits.maxFileBytes, in: buffer)
                let diagnostic = Diagnostic.error(
                    YAMLRules.fileTooLarge.id,
                    "file is larger than the \(describe(bytes: limits.maxFileBytes)) limit",
                    file: file, at: at,
                    hint: "a playbook is a few kilobytes; split it, or check that this is the right file",
                    notes: [.init("the limit is crossed here, at byte \(limits.maxFileBytes + 1)")])
                return LoadedYAML(root: nil, diagnostics: [diagnostic], nodeCount: 0)
            }
            var text = UnsafeBufferPointer(rebasing: buffer[...])
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { text = UnsafeBufferPointer(rebasing: buffer[3...]) }
            let encodingProblems = EncodingCheck.problems(
                in: text, file: file, limit: limits.maxEncodingDiagnostics)
            if !encodingProblems.isEmpty {
                return LoadedYAML(root: nil, diagnostics: encodingProblems, nodeCount: 0)
            }
            var builder = TreeBuilder(file: file, limits: limits, text: text)
            return builder.run()
        }
    }

    /// Loads UTF-8 `text`, naming `file` in diagnostics.
    public static func load(_ text: String, file: String, limits: LoadLimits = LoadLimits()) -> LoadedYAML {
        load(Array(text.utf8), file: file, limits: limits)
    }

    static func describe(bytes: Int) -> String {
        if bytes % (1024 * 1024) == 0 { return "\(bytes / (1024 * 1024)) MiB" }
        if bytes % 1024 == 0 { return "\(bytes / 1024) KiB" }
        return "\(bytes)-byte"
    }
}

/// Walks libyaml's events and builds the node tree with an explicit stack (never recursion, so that no input
/// can overflow the call stack).
private struct TreeBuilder {
    let file: String
    let limits: LoadLimits
    let text: UnsafeBufferPointer<UInt8>

    /// An open sequence or mapping. Its children wait on two shared scratch stacks (from `firstChild` on) until
    /// the collection ends, and are then copied out once into an array of exactly the right size: one
    /// allocation per collection instead of one per doubling. Frames are mutated in place on the stack.
    private struct Frame {
        var isMapping: Bool
        var start: SourceLocation
        var tag: String?
        var anchor: String?
        var firstChild: Int
        var pendingKey: YAMLNode?
        /// The expanded size of the collection so far: itself plus its children's.
        var expandedCount = 1
    }

    private var stack: [Frame] = []
    private var itemScratch: [YAMLNode] = []
    private var entryScratch: [YAMLMappingEntry] = []
    private var anchors: [String: YAMLNode] = [:]
    private var root: YAMLNode?
    private var diagnostics: [Diagnostic] = []
    private var aliasExpansion = 0
    private var nodeCount = 0
    private var documents = 0

    init(file: String, limits: LoadLimits, text: UnsafeBufferPointer<UInt8>) {
        self.file = file
        self.limits = limits
        self.text = text
    }

    /// An error that stops the walk.
    private struct Stop: Error {}

    mutating func run() -> LoadedYAML {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) != 0 else {
            let diagnostic = Diagnostic.error(
                YAMLRules.syntax.id, "the YAML parser could not be initialised (out of memory?)", file: file,
                at: nil)
            return LoadedYAML(root: nil, diagnostics: [diagnostic], nodeCount: 0)
        }
        defer { yaml_parser_delete(&parser) }
        // libyaml asserts a non-null input pointer, which an empty buffer does not have.
        let emptyInput: [UInt8] = [0]
        emptyInput.withUnsafeBufferPointer { empty in
            let base = text.baseAddress ?? empty.baseAddress!
            yaml_parser_set_input_string(&parser, base, text.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            do {
                var done = false
                while !done {
                    var event = yaml_event_t()
                    guard yaml_parser_parse(&parser, &event) != 0 else {
                        diagnostics.append(syntaxError(parser))
                        throw Stop()
                    }
                    defer { yaml_event_delete(&event) }
                    done = try handle(&event)
                }
            } catch {
                root = nil
            }
        }
        return LoadedYAML(root: root, diagnostics: diagnostics, nodeCount: nodeCount)
    }

    /// Handles one event; returns true at the end of the stream.
    private mutating func handle(_ event: inout yaml_event_t) throws(Stop) -> Bool {
        let at = SourceLocation(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        switch event.type {
        case YAML_STREAM_END_EVENT:
            return true
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                diagnostics.append(.error(
                    YAMLRules.multipleDocuments.id, "a second YAML document starts here", file: file, at: at,
                    hint: "a playbook is one document: remove the '---' line and what follows, or split the file"))
                throw Stop()
            }
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let value = string(data.value, length: data.length) ?? ""
            let tag = checkTag(data.tag, at: at, allowed: "tag:yaml.org,2002:str")
            let node = YAMLNode(.scalar(YAMLScalar(value, style: style(data.style))), at: at, tag: tag, expandedCount: 1)
            try finish(node, anchor: string(data.anchor))
        case YAML_ALIAS_EVENT:
            let name = string(event.data.alias.anchor) ?? ""
            guard let target = anchors[name] else {
                diagnostics.append(.error(
                    YAMLRules.undefinedAlias.id, "alias '*\(name)' refers to no earlier anchor", file: file, at: at,
                    hint: "define '&\(name)' on a node before this alias"))
                throw Stop()
            }
            aliasExpansion += target.expandedCount
            if aliasExpansion > limits.maxAliasExpansion {
                diagnostics.append(.error(
                    YAMLRules.aliasBudget.id,
                    "aliases expand to more than \(limits.maxAliasExpansion) nodes", file: file, at: at,
                    hint: "this looks like an alias bomb; use fewer nested aliases",
                    notes: [.init("anchor '&\(name)' is defined here", at: target.location)]))
                throw Stop()
            }
            try finish(target, anchor: nil)
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            try checkDepth(at: at)
            let tag = checkTag(data.tag, at: at, allowed: "tag:yaml.org,2002:seq")
            stack.append(Frame(isMapping: false, start: at, tag: tag, anchor: string(data.anchor),
                               firstChild: itemScratch.count))
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            try checkDepth(at: at)
            let tag = checkTag(data.tag, at: at, allowed: "tag:yaml.org,2002:map")
            stack.append(Frame(isMapping: true, start: at, tag: tag, anchor: string(data.anchor),
                               firstChild: entryScratch.count))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { break }
            if frame.isMapping {
                let entries = Array(entryScratch[frame.firstChild...])
                entryScratch.removeSubrange(frame.firstChild...)
                checkDuplicateKeys(entries)
                try finish(YAMLNode(.mapping(entries), at: frame.start, tag: frame.tag,
                                    expandedCount: frame.expandedCount), anchor: frame.anchor)
            } else {
                let items = Array(itemScratch[frame.firstChild...])
                itemScratch.removeSubrange(frame.firstChild...)
                try finish(YAMLNode(.sequence(items), at: frame.start, tag: frame.tag,
                                    expandedCount: frame.expandedCount), anchor: frame.anchor)
            }
        default:
            break
        }
        return false
    }

    /// Attaches a completed node to its parent (or makes it the root) and records its anchor.
    private mutating func finish(_ node: YAMLNode, anchor: String?) throws(Stop) {
        nodeCount += 1
        if let anchor { anchors[anchor] = node }
        guard !stack.isEmpty else {
            root = node
            return
        }
        let top = stack.count - 1
        stack[top].expandedCount += node.expandedCount
        if !stack[top].isMapping {
            itemScratch.append(node)
        } else if let key = stack[top].pendingKey.take() {
            entryScratch.append(YAMLMappingEntry(key: key, value: node))
        } else {
            if node.scalar == nil {
                diagnostics.append(.error(
                    YAMLRules.complexKey.id, "a mapping key must be a scalar, not \(node.kindName)",
                    file: file, at: node.location, hint: "write the key as plain text"))
            }
            stack[top].pendingKey = node
        }
    }

    private mutating func checkDepth(at location: SourceLocation) throws(Stop) {
        if stack.count >= limits.maxDepth {
            diagnostics.append(.error(
                YAMLRules.tooDeep.id, "nesting is deeper than \(limits.maxDepth) levels", file: file, at: location,
                hint: "a playbook needs only a few levels; check for unbalanced brackets"))
            throw Stop()
        }
    }

    private mutating func checkDuplicateKeys(_ entries: [YAMLMappingEntry]) {
        guard entries.count > 1 else { return }
        if entries.count <= 12 {
            // Small mappings (nearly all of them) are compared pairwise: no dictionary to allocate.
            for index in 1..<entries.count {
                guard let key = entries[index].key.scalar?.text else { continue }
                if let first = entries[..<index].first(where: { $0.key.scalar?.text == key }) {
                    reportDuplicate(key, at: entries[index].key.location, first: first.key.location)
                }
            }
            return
        }
        var seen: [String: SourceLocation] = [:]
        seen.reserveCapacity(entries.count)
        for entry in entries {
            guard let key = entry.key.scalar?.text else { continue }
            if let first = seen[key] {
                reportDuplicate(key, at: entry.key.location, first: first)
            } else {
                seen[key] = entry.key.location
            }
        }
    }

    private mutating func reportDuplicate(_ key: String, at location: SourceLocation, first: SourceLocation) {
        diagnostics.append(.error(
            YAMLRules.duplicateKey.id, "key '\(key)' appears twice in this mapping", file: file,
            at: location, hint: "keep one of them; YAML tools disagree on which one wins",
            notes: [.init("'\(key)' is first defined here", at: first)]))
    }

    /// The tag's text when it is the one allowed for this node kind; reports any other explicit tag.
    private mutating func checkTag(
        _ pointer: UnsafeMutablePointer<yaml_char_t>?, at location: SourceLocation, allowed: String
    ) -> String? {
        guard let tag = string(pointer), tag != "!" else { return nil }
        if tag != allowed {
            let shown = tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst(18) : tag
            diagnostics.append(.error(
                YAMLRules.unknownTag.id, "unknown tag '\(shown)'", file: file, at: location,
                hint: "remove the tag; only !!str, !!seq and !!map are accepted, and fields give values their types"))
        }
        return tag
    }

    private func syntaxError(_ parser: yaml_parser_t) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        if parser.error == YAML_READER_ERROR {
            let at = EncodingCheck.location(ofByte: parser.problem_offset, in: text)
            return .error(YAMLRules.syntax.id, problem, file: file, at: at)
        }
        let at = SourceLocation(
            line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
        if character(atLine: at.line, column: at.column) == "\t" || problem.contains("tab") {
            return .error(
                YAMLRules.tabIndentation.id, "tab character used for indentation", file: file, at: at,
                hint: "indent with spaces; YAML does not allow tabs in indentation")
        }
        var notes: [Diagnostic.Note] = []
        if let context = parser.context.map({ String(cString: $0) }) {
            let contextAt = SourceLocation(
                line: Int(parser.context_mark.line) + 1, column: Int(parser.context_mark.column) + 1)
            notes.append(.init(context.replacingPrefix("while ", with: "") + " that starts here", at: contextAt))
        }
        let (message, hint) = Self.plainWords(problem)
        if message != problem { notes.append(.init("libyaml says: \(problem)")) }
        return .error(YAMLRules.syntax.id, message, file: file, at: at, hint: hint, notes: notes)
    }

    /// The usual causes of libyaml's most common complaints, in plain words with the usual fix; other problems
    /// are said as libyaml says them.
    static func plainWords(_ problem: String) -> (message: String, hint: String) {
        switch problem {
        case "did not find expected '-' indicator":
            return ("this line is not indented like the '-' items of the list above it",
                    "line it up with the list's '-' items, or un-indent it to the key it belongs to")
        case "did not find expected key":
            return ("this line is not indented like the keys of the mapping it is in",
                    "indent it exactly like the keys around it (with spaces)")
        case "did not find expected ',' or '}'", "did not find expected ',' or ']'":
            return ("text inside { } or [ ] that holds ', ', ': ', '{' or '[' must be quoted",
                    "quote it, e.g. title: { en: \"User, or administrator\", zh: 使用者或管理者 }")
        case "mapping values are not allowed in this context":
            return ("a ': ' inside plain text starts a new key here",
                    "quote the text that holds ': ', e.g. note: \"Step 2: restart\"")
        default:
            return (problem, "check the indentation and the ':' and '-' marks around here")
        }
    }

    /// The Unicode scalar at a 1-based line and column of the text, if there is one.
    private func character(atLine line: Int, column: Int) -> Unicode.Scalar? {
        var currentLine = 1
        var index = 0
        while currentLine < line, index < text.count {
            let byte = text[index]
            index += 1
            if byte == 0x0A || (byte == 0x0D && (index >= text.count || text[index] != 0x0A)) { currentLine += 1 }
        }
        var lineEnd = index
        while lineEnd < text.count, text[lineEnd] != 0x0A, text[lineEnd] != 0x0D { lineEnd += 1 }
        let lineText = String(decoding: UnsafeBufferPointer(rebasing: text[index..<lineEnd]), as: UTF8.self)
        let scalars = Array(lineText.unicodeScalars)
        return column >= 1 && column <= scalars.count ? scalars[column - 1] : nil
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int? = nil) -> String? {
        guard let pointer else { return nil }
        var count = 0
        if let length {
            count = length
        } else {
            while pointer[count] != 0 { count += 1 }
        }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    private func style(_ style: yaml_scalar_style_t) -> YAMLScalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }
}

extension String {
    fileprivate func replacingPrefix(_ prefix: String, with replacement: String) -> String {
        hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
    }
}
