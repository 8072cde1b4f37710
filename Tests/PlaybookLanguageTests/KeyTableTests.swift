import Diagnostics
import JSONText
@testable import PlaybookLanguage
import Testing

/// The decoders and the JSON Schemas read one table of keys (`PlaybookKeys`, `ScenarioKeys`): every key the
/// decoder accepts is in the schema, and every key of the schema is one the decoder accepts.
struct KeyTableTests {
    /// The key sets of every closed mapping in `schema`, with where each is.
    static func closedMappings(_ schema: JSONValue) -> [(path: String, keys: Set<String>, required: Set<String>)] {
        var found: [(String, Set<String>, Set<String>)] = []
        func visit(_ value: JSONValue, _ path: String) {
            switch value {
            case .object(let object):
                if let properties = object["properties"]?.objectValue, object["additionalProperties"] == false {
                    let required = Set((object["required"]?.arrayValue ?? []).compactMap(\.stringValue))
                    found.append((path, Set(properties.map { $0.key }), required))
                }
                for (key, member) in object { visit(member, path + "/" + key) }
            case .array(let items):
                for (index, item) in items.enumerated() { visit(item, path + "/\(index)") }
            default:
                break
            }
        }
        visit(schema, "#")
        return found
    }

    /// The table's mappings as the schema shows them: a branch's `when`/`goto` and its `else` are two alternatives.
    static func expected(_ specs: [MappingSpec]) -> [Set<String>] {
        specs.flatMap { spec -> [Set<String>] in
            spec.id == "branch" ? [["when", "goto"], ["else"]] : [Set(spec.names)]
        }
    }

    @Test(arguments: ["playbook", "scenario"])
    func everyMappingOfTheTableIsInTheSchemaAndNothingElse(_ name: String) {
        let schema = name == "playbook" ? PlaybookSchema.json : ScenarioSchema.json
        // A scenario's texts are the playbook language's.
        let specs = name == "playbook" ? PlaybookKeys.all : ScenarioKeys.all + [PlaybookKeys.text]
        let inSchema = Self.closedMappings(schema)
        let expected = Self.expected(specs)
        for keys in expected {
            #expect(inSchema.contains { $0.keys == keys }, "\(name): the schema has no mapping with keys \(keys.sorted())")
        }
        for mapping in inSchema {
            #expect(expected.contains(mapping.keys),
                    "\(name): \(mapping.path) has keys \(mapping.keys.sorted()) that no mapping of the table has")
        }
    }

    @Test func theSchemaRequiresWhatTheTableRequires() {
        let inSchema = Self.closedMappings(PlaybookSchema.json) + Self.closedMappings(ScenarioSchema.json)
        for spec in PlaybookKeys.all + ScenarioKeys.all where spec.id != "branch" {
            let mapping = inSchema.first { $0.keys == Set(spec.names) }
            #expect(mapping?.required == Set(spec.requiredNames), "\(spec.id)")
        }
    }

    /// The decoder's unknown-key hint lists the keys it accepts: exactly the table's.
    static func allowedKeys(_ yaml: String) -> [String]? {
        let diagnostics = PlaybookChecker.check(Array(yaml.utf8), file: "k.yaml").diagnostics
        guard let hint = diagnostics.first(where: { $0.id == LanguageRules.unknownKey.id })?.hint,
            hint.hasPrefix("allowed keys: ")
        else { return nil }
        return hint.dropFirst("allowed keys: ".count).components(separatedBy: ", ")
    }

    @Test func theDecoderAcceptsTheTablesKeysAtTheTopAndInAStep() {
        #expect(Self.allowedKeys("muster: 1\nzzzzzz: 1\n") == PlaybookKeys.playbook.names)
        let step = """
            muster: 1
            id: k
            version: 1
            title: K
            roles: { r: { title: R } }
            severity: { s: { title: S } }
            start: a
            steps:
              a: { title: A, owner: r, zzzzzz: 1, next: outcome.o }
            outcomes: { o: { title: O, kind: success } }
            """
        #expect(Self.allowedKeys(step) == PlaybookKeys.step.names)
    }

    @Test func anEmptyPlaybookMissesExactlyTheRequiredKeysOfTheTable() {
        let diagnostics = PlaybookChecker.check(Array("{}\n".utf8), file: "k.yaml").diagnostics
        let missing = diagnostics.filter { $0.id == LanguageRules.missingField.id }.compactMap { diagnostic -> String? in
            guard let start = diagnostic.message.firstIndex(of: "'") else { return nil }
            return String(diagnostic.message[diagnostic.message.index(after: start)...].prefix { $0 != "'" })
        }
        #expect(Set(missing) == Set(PlaybookKeys.playbook.requiredNames))
    }

    @Test func theClosedSetsOfWordsComeFromTheModel() {
        #expect(PlaybookKeys.outcome.allowedValues("kind") == Outcome.Kind.allCases.map(\.rawValue))
        #expect(PlaybookKeys.wait.allowedValues("from") == RunInstant.allCases.map(\.rawValue))
        #expect(ScenarioKeys.scenario.allowedValues("kind") == Scenario.Kind.allCases.map(\.rawValue))
        #expect(ScenarioKeys.inject.allowedValues("via") == Scenario.deliveryMeans)
    }
}
