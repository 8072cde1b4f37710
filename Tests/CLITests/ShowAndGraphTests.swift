import Foundation
import JSONText
import Testing

/// `muster show` and `muster graph` on a fixture with every step kind and every kind of edge, and on the
/// shipped playbooks.
struct ShowAndGraphTests {
    /// The fixture: fully bilingual, with every kind of edge (see its header for the counts).
    static let fixture = Fixtures.directory.appendingPathComponent("graph/every-edge.yaml").path

    /// The edges of each kind in the fixture's graph.
    static let expectedEdges: [String: Int] = [
        "start": 1, "next": 6, "branch": 3, "option": 2, "expiry": 1, "approved": 1, "denied": 1, "escalation": 2,
        "track": 2, "join": 3, "after_end": 3,
    ]

    func muster(_ arguments: [String]) throws -> MusterProcess.Result {
        try MusterProcess.run(arguments)
    }

    // MARK: show

    @Test func showInEnglishPrintsTheOutline() throws {
        let result = try muster(["show", Self.fixture])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "Every kind of edge")
        for expected in [
            "id: every-edge  version: 1.0.0",
            "  A leak drill that uses every step kind and every kind of transition.",
            "Roles",
            "  commander  Commander; stand-in: tech_lead (Tech lead)",
            "Severity levels, most severe first",
            "  fatal    Fatal    respond 10m",
            "Milestones",
            "  responded  Response started",
            "    within respond (10m/30m) from the start; reached when triage.done (Find the source and grade)",
            "      fatal    10m (within 10m, met)  report-it → triage",
            "      general  10m (within 30m, met)  report-it → triage",
            "      fatal    1d (within 1d, met)  outcome.abandoned → write-up",
            "  source_kind  Where the water comes from: one of pipe, roof",
            "Steps, from report-it",
            "  1. report-it  Report the \"leak\" <now>",
            "     owner:         on_site (On-site responder)",
            "     deadlines:     acknowledge within 1m; done within 5m",
            "     escalation:    after 3m: notify tech_lead (Tech lead)",
            "     next:          → triage (Find the source and grade)",
            "     source:        §4.2 water leak; §2 report within 5 minutes",
            "     kind:          action; sets the severity level",
            "     next:          if heat_c > 40 → choose (Fight the leak or leave the room)",
            "                    else → ask-approval (Ask to cut the water)",
            "     options:       fight (Stay and fight) → contain (Contain the water)",
            "     on expiry:     after 5m: take leave",
            "     denied:        → wait-for-help (Wait for the plumber)",
            "     on expiry:     after 10m: denied",
            "     waits for:     The plumber is on site; signal plumber_here",
            "     on expiry:     after 30m → outcome.abandoned (Room left to the plumber)",
            "     join:          when all tracks have ended",
            "     track dry  Dry the room; starts at mop",
            "         checklist:     [ ] Towels on the floor (towels)",
            "         escalation:    after 10m: go to dry_floor (Pump the water out)",
            "     deadlines:     done within respond (10m/30m)",
            "Steps after the outcome",
            "  1. write-up  Write it up",
            "Outcomes",
            "  abandoned  Room left to the plumber (failure)",
        ] {
            #expect(lines.contains(expected), "missing line: \(expected)")
        }
        // Steps come in order: the main phase from start, parallel tracks inside their step, then after the end.
        let order = ["1. report-it", "2. triage", "3. choose", "6. contain", "mop  Mop", "cut-power  Cut", "7. close",
                     "1. write-up", "2. file-it"]
        let positions = order.compactMap { result.stdout.range(of: $0)?.lowerBound }
        #expect(positions.count == order.count)
        #expect(positions == positions.sorted())
        #expect(!result.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
    }

    @Test func showInChineseLeavesNoEnglishText() throws {
        let chinese = try muster(["show", Self.fixture, "--lang", "zh"])
        #expect(chinese.status == 0)
        let lines = chinese.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "每一种连线")
        for expected in [
            "编号：every-edge  版本：1.0.0",
            "角色",
            "  commander  应急总指挥；代理：tech_lead（应急技术经理）",
            "严重级别（由重到轻）",
            "里程碑",
            "      fatal    10m（时限 10m，满足）  report-it → triage",
            "步骤，起始于 report-it",
            "     负责人： on_site（现场负责人）",
            "     时限：   确认时限 1m；完成时限 5m",
            "     时限：   完成时限 respond（10m/30m）",
            "     来源：   §4.2 water leak; §2 report within 5 minutes",
            "     下一步： 若 heat_c > 40 → choose（处置漏水还是撤离机房）",
            "结果",
            "  abandoned  撤离并交由维修工处理（失败）",
        ] {
            #expect(lines.contains(expected), "missing line: \(expected)")
        }
        // Every text a responder reads, as the English outline gives it, is gone from the Chinese one.
        let english = try JSONValue.parse(try muster(["show", Self.fixture, "--format", "json"]).stdout)
        let texts = Self.texts(in: english)
        #expect(texts.count > 30)
        for text in texts {
            #expect(!chinese.stdout.contains(text), "English text left in the Chinese outline: \(text)")
        }
        // And so are the outline's own English words.
        for word in ["Roles", "Milestones", "Steps", "Outcomes", "owner", "deadlines", "worst case", "escalation",
                     "next:", "source:", "track", "after the outcome", "stand-in"] {
            #expect(!chinese.stdout.contains(word), "English label left in the Chinese outline: \(word)")
        }
    }

    @Test func showAsJSONGivesTheSameOutline() throws {
        let result = try muster(["show", Self.fixture, "--format", "json"])
        #expect(result.status == 0)
        let outline = try JSONValue.parse(result.stdout)
        #expect(outline["id"] == "every-edge")
        #expect(outline["language"] == "en")
        #expect(outline["roles"]?.arrayValue?.count == 3)
        #expect(outline["roles"]?.arrayValue?.first?["stand_in"] == "tech_lead")
        let steps = try #require(outline["steps"]?.arrayValue)
        #expect(steps.map { $0["id"]?.stringValue } == [
            "report-it", "triage", "choose", "ask-approval", "wait-for-help", "contain", "close", "write-up", "file-it",
        ])
        let responded = try #require(outline["milestones"]?.arrayValue?.first)
        let fatal = try #require(responded["worst_case"]?.arrayValue?.first)
        #expect(fatal["severity"] == "fatal")
        #expect(fatal["at"]?["milliseconds"] == 600_000)
        #expect(fatal["limit"]?["milliseconds"] == 600_000)
        #expect(fatal["met"] == true)
        #expect(fatal["path"] == ["report-it", "triage"])
        let close = try #require(steps.first { $0["id"] == "close" })
        #expect(close["deadlines"]?.arrayValue?.first?["within"]?["milliseconds"]?["general"] == 1_800_000)
        #expect(close["leads_to"]?.arrayValue?.map { $0["kind"]?.stringValue } == ["next", "escalation"])
        let triage = try #require(steps.first { $0["id"] == "triage" })
        #expect(triage["leads_to"]?.arrayValue?.first?["when"] == "heat_c > 40")
        let contain = try #require(steps.first { $0["id"] == "contain" })
        #expect(contain["tracks"]?.arrayValue?.first?["steps"]?.arrayValue?.map { $0["id"]?.stringValue }
            == ["mop", "dry-floor", "dry_floor"])
        let chinese = try JSONValue.parse(try muster(["show", Self.fixture, "--format", "json", "--lang", "zh"]).stdout)
        #expect(chinese["title"] == "每一种连线")
        #expect(chinese["steps"]?.arrayValue?.first?["title"] == "报告\"漏水\"<立即>")
    }

    /// The worst cases `show` prints are the ones `check` judges by: make a milestone one minute too short and
    /// the checker reports the same instant.
    @Test func showAgreesWithTheCheckersTiming() throws {
        let directory = try TemporaryDirectory()
        let text = try String(contentsOfFile: Self.fixture, encoding: .utf8)
            .replacingOccurrences(of: "within: respond\n    reached_when: triage.done",
                                  with: "within: 9m\n    reached_when: triage.done")
            .replacingOccurrences(of: "within: 1d\n    from: outcome", with: "within: 23h\n    from: outcome")
        let tight = try directory.write("tight.yaml", Array(text.utf8))
        let check = try MusterProcess.run(["check", tight.path, "--format", "json"])
        #expect(check.status == 1)
        let messages = (try JSONValue.parse(check.stdout))["diagnostics"]?.arrayValue?.compactMap {
            $0["message"]?.stringValue
        } ?? []
        #expect(messages.contains {
            $0.contains("'responded'") && $0.contains("reaches 'triage.done' at 10m") && $0.contains("'fatal'")
        })
        #expect(messages.contains { $0.contains("'written'") && $0.contains("reaches 'write-up.done' at 1d") })
        let outline = try JSONValue.parse(try muster(["show", Self.fixture, "--format", "json"]).stdout)
        let milestones = try #require(outline["milestones"]?.arrayValue)
        #expect(milestones[0]["worst_case"]?.arrayValue?.first?["at"]?["text"] == "10m")
        #expect(milestones[1]["worst_case"]?.arrayValue?.first?["at"]?["text"] == "1d")
    }

    @Test func conditionsAreWrittenBackWithTheirGrouping() throws {
        let directory = try TemporaryDirectory()
        let text = try String(contentsOfFile: Self.fixture, encoding: .utf8).replacingOccurrences(
            of: "      - { when: heat_c > 40, goto: choose }",
            with: """
                      - when: heat_c >= 40 or (severity >= fatal and source_kind in [pipe, roof])
                        goto: choose
                      - when: 'not (source_kind == pipe or heat_c < -5.5) and source_kind != roof'
                        goto: choose
                """)
        let file = try directory.write("conditions.yaml", Array(text.utf8))
        let result = try muster(["show", file.path, "--format", "json"])
        #expect(result.status == 0)
        let outline = try JSONValue.parse(result.stdout)
        let triage = try #require(outline["steps"]?.arrayValue?.first { $0["id"] == "triage" })
        #expect(triage["leads_to"]?.arrayValue?.compactMap { $0["when"]?.stringValue } == [
            "heat_c >= 40 or (severity >= fatal and source_kind in [pipe, roof])",
            "not (source_kind == pipe or heat_c < -5.5) and source_kind != roof",
            "source_kind == roof",
        ])
    }

    @Test func showFindsAShippedPlaybookByID() throws {
        let playbooks = Fixtures.repository.appendingPathComponent("Playbooks").path
        let result = try muster(["show", "power-loss", "--playbooks", playbooks])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Machine-room power loss\nid: power-loss"))
        #expect(result.stdout.contains("      fatal    10m (within 10m, met)  report → ups_record → assess"))
        #expect(result.stdout.contains("     deadlines:     done within on_site (2h/4h/8h)"))
    }

    @Test(arguments: [
        (["show"], 2, "show takes a playbook (a file or an id)"),
        (["show", ShowAndGraphTests.fixture, "--format", "mermaid"], 2, "--format text|json"),
        (["show", "no-such-playbook", "--playbooks", "/nonexistent"], 1, "no playbook 'no-such-playbook'"),
        (["graph", ShowAndGraphTests.fixture, "--format", "svg"], 2, "--format mermaid|dot|json"),
        (["graph", ShowAndGraphTests.fixture, ShowAndGraphTests.fixture], 2, "not also"),
    ])
    func wrongCommandLinesAreRefused(arguments: [String], status: Int32, message: String) throws {
        let result = try muster(arguments)
        #expect(result.status == status)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(message))
    }

    // MARK: graph

    @Test func dotHasEveryKindOfEdgeCounted() throws {
        let result = try muster(["graph", Self.fixture, "--format", "dot"])
        #expect(result.status == 0)
        let dot = result.stdout
        #expect(dot.hasPrefix("digraph \"every-edge\" {"))
        let edges = dot.split(separator: "\n").filter { $0.contains(" -> ") }
        #expect(edges.count == Self.expectedEdges.values.reduce(0, +))
        #expect(Self.dotEdgeCounts(dot) == Self.expectedEdges)
        // Kinds look different: expiries and denials dashed, escalations dotted and labelled with their time.
        #expect(edges.filter { $0.contains("class=\"denied\"") }.allSatisfy { $0.contains("style=dashed") })
        #expect(edges.filter { $0.contains("class=\"expiry\"") }.allSatisfy { $0.contains("label=\"expiry 30m\"") })
        #expect(edges.contains { $0.contains("class=\"escalation\", label=\"after 10m\", style=\"dotted,bold\"") })
        // Options by their titles, conditions in words.
        #expect(edges.contains { $0.contains("class=\"option\", label=\"Leave the room (expiry 5m)\"") })
        #expect(edges.contains {
            $0.contains("\"step:triage\" -> \"step:choose\" [class=\"branch\", label=\"hottest reading is above 40 °C\"")
        })
        // Parallel steps are clusters with a cluster per track; outcomes are a shape of their own.
        #expect(dot.contains("subgraph \"cluster_parallel:contain\" {"))
        #expect(dot.contains("subgraph \"cluster_track:contain/dry\" {"))
        #expect(dot.contains("\"outcome:resolved\" [label=<<B>resolved</B><BR/>Water cleared"))
        #expect(dot.contains("shape=doubleoctagon"))
        // Titles are escaped for HTML-like labels.
        #expect(dot.contains("Report the &quot;leak&quot; &lt;now&gt;"))
    }

    @Test func mermaidIsAFlowchartWithTheSameEdges() throws {
        let result = try muster(["graph", Self.fixture])
        #expect(result.status == 0)
        let mermaid = result.stdout
        #expect(mermaid.hasPrefix("flowchart TD\n"))
        let lines = mermaid.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let arrows = [" --> ", " -.-> ", " ==> ", "-->|", "-.->|", "==>|"]
        let edges = lines.filter { line in arrows.contains { line.contains($0) } }
        #expect(edges.count == Self.expectedEdges.values.reduce(0, +))
        // Each kind's links are listed by index under a comment naming the kind.
        var counts: [String: Int] = [:]
        for (index, line) in lines.enumerated() where line.hasPrefix("%% ") && index + 1 < lines.count {
            let next = lines[index + 1]
            guard next.hasPrefix("linkStyle ") else { continue }
            let indices = next.split(separator: " ")[1]
            counts[String(line.dropFirst(3))] = indices.split(separator: ",").count
        }
        #expect(counts == Self.expectedEdges)
        #expect(edges.filter { $0.contains("==>") }.count == Self.expectedEdges["escalation"])
        #expect(edges.contains("step_triage -->|\"hottest reading is above 40 °C\"| step_choose"))
        #expect(edges.contains("step_choose -->|\"Leave the room (expiry 5m)\"| outcome_abandoned"))
        #expect(edges.contains("step_ask_approval -.->|\"denied (expiry 10m)\"| step_wait_for_help"))
        // Ids are sanitised and unique even when two step ids differ only by '-' and '_'.
        #expect(mermaid.contains("    step_report_it(\"<b>report-it</b><br/>Report the #quot;leak#quot; #60;now#62;"))
        #expect(mermaid.contains("step_dry_floor(\"<b>dry-floor</b>"))
        #expect(mermaid.contains("step_dry_floor_2(\"<b>dry_floor</b>"))
        #expect(mermaid.contains("subgraph cluster_parallel_contain [\"parallel\"]"))
        #expect(mermaid.contains("outcome_resolved([\"<b>resolved</b>"))
    }

    @Test func graphTitlesFollowTheLanguage() throws {
        let mermaid = try muster(["graph", Self.fixture, "--lang", "zh"]).stdout
        #expect(mermaid.contains("<b>report-it</b><br/>报告#quot;漏水#quot;#60;立即#62;"))
        #expect(mermaid.contains("-.->|\"驳回（超时 10分钟）\"|"))
        #expect(!mermaid.contains("Report the"))
        let json = try JSONValue.parse(try muster(["graph", Self.fixture, "--format", "json"]).stdout)
        let edges = try #require(json["edges"]?.arrayValue)
        var counts: [String: Int] = [:]
        for edge in edges { counts[edge["kind"]?.stringValue ?? "?", default: 0] += 1 }
        #expect(counts == Self.expectedEdges)
    }

    @Test(.enabled(if: Graphviz.dot != nil, "graphviz's 'dot' is not installed (CI must install graphviz)"))
    func graphvizRendersTheDOT() throws {
        let dotPath = try #require(Graphviz.dot)
        let shipped = ["power-loss", "fire", "virus", "network-outage", "water-leak", "core-hardware", "server-software", "aircon", "equipment-theft", "security-incident"].map {
            Fixtures.repository.appendingPathComponent("Playbooks/\($0).yaml").path
        }
        for file in [Self.fixture] + shipped {
            for language in ["en", "zh"] {
                let result = try muster(["graph", file, "--format", "dot", "--lang", language])
                #expect(result.status == 0, "\(file) \(language)")
                let svg = try Graphviz.render(result.stdout, dot: dotPath)
                #expect(svg.status == 0, "dot failed on \(file) \(language): \(svg.stderr)")
                #expect(svg.stdout.contains("<svg"))
                #expect(svg.stderr.isEmpty, "dot warned on \(file) \(language): \(svg.stderr)")
                if file == Self.fixture {
                    // The SVG keeps each edge's kind as a class.
                    #expect(svg.stdout.components(separatedBy: "class=\"edge escalation\"").count - 1 == 2)
                }
            }
        }
    }

    // MARK: Helpers

    /// Every responder-facing text in a `show --format json` document.
    static func texts(in value: JSONValue) -> Set<String> {
        var found: Set<String> = []
        func visit(_ value: JSONValue) {
            switch value {
            case .object(let object):
                // A duration's `text` is the playbook's own spelling (`respond`, `10m`), not a text to translate.
                let isDuration = object["milliseconds"] != nil
                for (key, member) in object {
                    if !isDuration, ["title", "summary", "instructions", "text", "prompt", "until"].contains(key),
                        let text = member.stringValue, text.contains(where: \.isLetter)
                    {
                        found.insert(text)
                    }
                    visit(member)
                }
            case .array(let values):
                values.forEach(visit)
            default:
                break
            }
        }
        visit(value)
        return found
    }

    /// How many edges of each kind a DOT graph has, by their `class` attribute.
    static func dotEdgeCounts(_ dot: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        for line in dot.split(separator: "\n") where line.contains(" -> ") {
            guard let start = line.range(of: "class=\"") else { continue }
            let rest = line[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { continue }
            counts[String(rest[..<end]), default: 0] += 1
        }
        return counts
    }
}

/// Graphviz's `dot`, when it is installed.
enum Graphviz {
    static let dot: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let directories = path.split(separator: ":").map(String.init)
            + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"]
        return directories.map { $0 + "/dot" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Runs `dot -Tsvg` on `source`.
    static func render(_ source: String, dot: String) throws -> MusterProcess.Result {
        let directory = try TemporaryDirectory()
        let input = try directory.write("graph.dot", Array(source.utf8))
        let output = directory.url.appendingPathComponent("graph.svg")
        let errors = directory.url.appendingPathComponent("errors.txt")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: dot)
        process.arguments = ["-Tsvg", input.path]
        let out = try FileHandle(forWritingTo: output)
        let err = try FileHandle(forWritingTo: errors)
        defer {
            try? out.close()
            try? err.close()
        }
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        return MusterProcess.Result(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: output), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errors), as: UTF8.self))
    }
}
