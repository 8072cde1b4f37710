import Foundation
import JSONText
import Testing

/// `muster schema`, and the agreement of the schema's fixtures with `muster check`.
///
/// Tests/scripts/validate-schema.sh validates the same fixtures against the printed schema with an independent
/// validator; here each invalid fixture must also be rejected by `muster check` and each valid one pass
/// `muster check --strict`, so that the schema and the checker agree.
struct SchemaTests {
    static let fixtureDirectory = Fixtures.directory.appendingPathComponent("schema")

    /// The fixture files of one kind (`valid` or `invalid`), by name, sorted.
    static func fixtures(_ kind: String) -> [String] {
        let names = try? FileManager.default.contentsOfDirectory(
            atPath: fixtureDirectory.appendingPathComponent(kind).path)
        return (names ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    }

    static func path(_ kind: String, _ name: String) -> String {
        fixtureDirectory.appendingPathComponent(kind).appendingPathComponent(name).path
    }

    func schema() throws -> JSONValue {
        let result = try MusterProcess.run(["schema"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.hasSuffix("}\n"))
        return try JSONValue.parse(result.stdout)
    }

    @Test func printsADraft2020_12SchemaWithoutAnAbsoluteID() throws {
        let schema = try schema()
        #expect(schema["$schema"] == "https://json-schema.org/draft/2020-12/schema")
        #expect(schema["$id"] == nil)
        #expect(schema["type"] == "object")
        #expect(schema["title"]?.stringValue?.isEmpty == false)
        #expect(schema["properties"]?["muster"]?["const"] == 1)
        #expect(schema["additionalProperties"] == false)
        let required = try #require(schema["required"]?.arrayValue).compactMap(\.stringValue)
        #expect(required == ["muster", "id", "version", "title", "roles", "severity", "start", "steps", "outcomes"])
        let definitions = try #require(schema["$defs"]?.objectValue)
        for name in ["name", "duration", "target", "text", "step", "trackStep", "transition", "decide", "approve",
                     "parallel", "wait", "escalation", "fact", "outcome", "milestone"]
        {
            #expect(definitions[name] != nil, "no definition '\(name)'")
        }
    }

    @Test func printsTheSameBytesEveryTime() throws {
        let first = try MusterProcess.run(["schema"])
        let second = try MusterProcess.run(["schema", "--format", "json"])
        #expect(first.stdout == second.stdout)
    }

    @Test func everyMappingIsClosedAndEveryReferenceResolves() throws {
        let schema = try schema()
        let definitions = try #require(schema["$defs"]?.objectValue)
        var open: [String] = []
        var dangling: [String] = []
        func visit(_ value: JSONValue, at path: String) {
            switch value {
            case .object(let object):
                // The conditions of `if` only look at a value; the mapping itself is closed where it is defined.
                let inCondition = path.split(separator: "/").contains("if")
                if object["properties"] != nil, object["additionalProperties"] != false, !inCondition {
                    open.append(path)
                }
                if let reference = object["$ref"]?.stringValue {
                    let prefix = "#/$defs/"
                    if !reference.hasPrefix(prefix) || definitions[String(reference.dropFirst(prefix.count))] == nil {
                        dangling.append(path + ": " + reference)
                    }
                }
                for (key, member) in object { visit(member, at: path + "/" + key) }
            case .array(let items):
                for (index, item) in items.enumerated() { visit(item, at: path + "/\(index)") }
            default:
                break
            }
        }
        visit(schema, at: "#")
        #expect(open.isEmpty, "mappings that allow unknown keys: \(open)")
        #expect(dangling.isEmpty, "references that do not resolve: \(dangling)")
    }

    @Test func takesNoArguments() throws {
        let result = try MusterProcess.run(["schema", "Playbooks"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("takes no arguments"))
    }

    @Test func hasEnoughFixtures() {
        #expect(Self.fixtures("valid").count >= 3)
        #expect(Self.fixtures("invalid").count >= 10)
    }

    @Test(arguments: fixtures("invalid"))
    func invalidFixtureIsRejectedByTheChecker(_ name: String) throws {
        let result = try MusterProcess.run(["check", "--format", "json", Self.path("invalid", name)])
        #expect(result.status == 1, "muster check accepted \(name)")
        let report = try JSONValue.parse(result.stdout)
        let errors = report["diagnostics"]?.arrayValue?.filter { $0["severity"] == "error" } ?? []
        #expect(!errors.isEmpty, "\(name) has no error")
    }

    @Test(arguments: fixtures("valid"))
    func validFixturePassesTheStrictChecker(_ name: String) throws {
        let result = try MusterProcess.run(["check", "--strict", Self.path("valid", name)])
        #expect(result.status == 0, "\(name): \(result.stderr)")
        #expect(result.stdout == "checked 1 file: no problems\n")
    }

    @Test func invalidFixturesSayWhatIsWrong() throws {
        for name in Self.fixtures("invalid") {
            let text = try String(contentsOfFile: Self.path("invalid", name), encoding: .utf8)
            #expect(text.hasPrefix("# Invalid: "), "\(name) does not start with '# Invalid: WHAT'")
        }
    }
}
