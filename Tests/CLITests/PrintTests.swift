import Foundation
import JSONText
import Testing

/// `muster print`: every shipped playbook as a paper checklist, in English and Chinese, Markdown and HTML.
struct PrintTests {
    static let shipped = ["fire", "network-outage", "power-loss", "virus", "water-leak", "core-hardware", "server-software", "aircon", "equipment-theft", "security-incident"]
    static let playbooks = Fixtures.repository.appendingPathComponent("Playbooks").path

    static let cases: [(String, String, String)] = shipped.flatMap { playbook in
        ["en", "zh"].flatMap { language in ["md", "html"].map { (playbook, language, $0) } }
    }

    func muster(_ arguments: [String], in directory: URL? = nil) throws -> MusterProcess.Result {
        try MusterProcess.run(arguments, in: directory, environment: ["MUSTER_PLAYBOOKS": Self.playbooks])
    }

    /// The playbook as `muster show --format json` gives it in `language`.
    func outline(_ playbook: String, _ language: String) throws -> JSONValue {
        let shown = try muster(["show", playbook, "--format", "json", "--lang", language])
        #expect(shown.status == 0, "\(shown.stderr)")
        return try JSONValue.parse(shown.stdout)
    }

    /// Every step, tracks' steps included, depth first.
    static func steps(_ outline: JSONValue) -> [JSONValue] {
        var found: [JSONValue] = []
        func visit(_ steps: [JSONValue]) {
            for step in steps {
                found.append(step)
                for track in step["tracks"]?.arrayValue ?? [] { visit(track["steps"]?.arrayValue ?? []) }
            }
        }
        visit(outline["steps"]?.arrayValue ?? [])
        return found
    }

    @Test(arguments: cases)
    func everyStepIsOnThePaperWithBoxesAndBlanks(_ playbook: String, _ language: String, _ format: String) throws {
        let printed = try muster(["print", playbook, "--lang", language, "--format", format])
        #expect(printed.status == 0, "\(printed.stderr)")
        #expect(printed.stderr.isEmpty)
        let text = printed.stdout
        let steps = Self.steps(try outline(playbook, language))
        #expect(steps.count > 5)
        let box = format == "md" ? "[ ]" : "<span class=\"box\"></span>"
        let boxes = text.components(separatedBy: box).count - 1
        let items = steps.reduce(0) { $0 + ($1["checklist"]?.arrayValue?.count ?? 0) }
        // One box per step, one per checklist item, and more for branches, options and escalations.
        #expect(boxes >= steps.count + items, "\(boxes) boxes for \(steps.count) steps and \(items) items")
        for step in steps {
            let id = step["id"]?.stringValue ?? ""
            // English shows each step's id before its title (for authors); Chinese its title alone.
            let title = step["title"]?.stringValue ?? ""
            let marker = language == "zh" ? (format == "md" ? title + "\n" : escapeHTML(title) + "</h")
                : format == "md" ? "`\(id)` " : "<code>\(id)</code> "
            #expect(text.contains(marker), "step \(id) missing from \(playbook) \(language) \(format)")
            for item in step["checklist"]?.arrayValue ?? [] {
                let itemText = item["text"]?.stringValue ?? ""
                let escaped = format == "html" ? escapeHTML(itemText) : itemText.replacingOccurrences(of: "<", with: "\\<")
                #expect(text.contains(escaped), "item \(item["id"]?.stringValue ?? "") of \(id)")
            }
        }
        // Blanks for the time each step started and was done, and initials.
        let started = language == "zh" ? "开始：" : "Started: "
        let initials = language == "zh" ? "签名：" : "Initials: "
        #expect(text.components(separatedBy: started).count - 1 >= steps.count)
        #expect(text.components(separatedBy: initials).count - 1 >= steps.count)
        // The header's run block and the footer.
        #expect(text.contains(language == "zh" ? "运行编号" : "Run id"))
        #expect(text.contains(language == "zh" ? "录入 Muster" : "enter this paper record into muster"))
    }

    @Test(arguments: shipped)
    func theChinesePaperHasNoEnglishResponderText(_ playbook: String) throws {
        let english = try outline(playbook, "en")
        let chinese = try outline(playbook, "zh")
        var englishTexts: [String] = []
        var chineseTexts: Set<String> = []
        func collect(_ outline: JSONValue, into add: (String) -> Void) {
            add(outline["title"]?.stringValue ?? "")
            for step in Self.steps(outline) {
                add(step["title"]?.stringValue ?? "")
                add(step["instructions"]?.stringValue ?? "")
                for item in step["checklist"]?.arrayValue ?? [] { add(item["text"]?.stringValue ?? "") }
            }
            for role in outline["roles"]?.arrayValue ?? [] { add(role["title"]?.stringValue ?? "") }
            for milestone in outline["milestones"]?.arrayValue ?? [] { add(milestone["title"]?.stringValue ?? "") }
            for outcome in outline["outcomes"]?.arrayValue ?? [] { add(outcome["title"]?.stringValue ?? "") }
        }
        collect(english) { englishTexts.append($0) }
        collect(chinese) { chineseTexts.insert($0) }
        let muster = ["Owner", "Deadline", "Instructions", "Checklist", "Started", "Initials", "Next", "done within",
                      "Paper checklist", "Afterwards", "Escalation", "reached at", "held by"]
        for format in ["md", "html"] {
            let printed = try self.muster(["print", playbook, "--lang", "zh", "--format", format]).stdout
            for text in englishTexts where !text.isEmpty && !chineseTexts.contains(text) {
                #expect(!printed.contains(text), "English text in the Chinese \(format) of \(playbook): \(text)")
            }
            for word in muster {
                #expect(!printed.contains(word), "Muster's own English '\(word)' in the Chinese \(format) of \(playbook)")
            }
            #expect(printed.contains("完成时限"))
        }
    }

    @Test func deadlinesAreResolvedPerSeverityLevel() throws {
        let english = try muster(["print", "water-leak"]).stdout
        #expect(english.contains("done within 5 minutes"))
        #expect(english.contains("within `respond`: fatal 10 minutes / severe 15 minutes / general 30 minutes"))
        #expect(english.contains("| `fatal` | Fatal | respond 10 minutes, resolve 4 hours |"))
        #expect(english.contains("- **Owner**: On-site responder `on_site`"))
        // Conditions in words, the fact by its title.
        #expect(english.contains("[ ] if where the water comes from is Air conditioning → `handle_air_conditioning`"))
        #expect(english.contains("Where the water comes from `leak_source`: [ ] Air conditioning [ ] Wall or window"))
        let chinese = try muster(["print", "water-leak", "--lang", "zh"]).stdout
        // In Chinese: titles, never ids; clocks by their Chinese names.
        #expect(chinese.contains("时限 响应：致命 10分钟 / 严重 15分钟 / 一般 30分钟"))
        #expect(chinese.contains("[ ] 若 漏水来源为「空调漏水」 → 通知相关人员处理空调渗漏水"))
        #expect(chinese.contains("| 一般 | 响应 30分钟、解决 1天 |"))
        #expect(chinese.contains("达成条件 「向用户领导部门提交书面报告」完成"))
        #expect(chinese.contains("- **负责人**：现场应急负责人\n"))
        for id in ["`commander`", "`on_site`", "`outcome.resolved`", "`written_report", "`resolve`", "`report`"] {
            #expect(!chinese.contains(id), "\(id) in the Chinese paper")
        }
        // A parallel step nests its tracks and steps; decisions and approvals have a box per answer.
        let power = try muster(["print", "power-loss"]).stdout
        #expect(power.contains("#### Track `repair`"))
        #expect(power.contains("##### [ ] `repair_ups`"))
        #expect(power.contains("[ ] approved → `resources`"))
        #expect(power.contains("[ ] **No report needed** `not_needed` → `await_restoration`"))
        // After-end steps come last.
        let afterEnd = try #require(power.range(of: "## After the outcome"))
        #expect(power.range(of: "`written_report` Written report")!.lowerBound > afterEnd.lowerBound)
    }

    @Test func hostileTextIsEscapedInHTML() throws {
        let fixture = Fixtures.directory.appendingPathComponent("print/hostile.yaml").path
        for language in ["en", "zh"] {
            let html = try muster(["print", fixture, "--format", "html", "--lang", language])
            #expect(html.status == 0, "\(html.stderr)")
            let text = html.stdout
            #expect(!text.contains("<script"))
            #expect(text.contains("&lt;script&gt;alert("))
            for tag in ["<b>", "<img", "<u>", "<hr>", "<door>", "<i>", "</div> "] {
                #expect(!text.contains(tag), "unescaped \(tag)")
            }
            #expect(text.contains("&lt;/div&gt;"))
            // Markup of its own is balanced: one open div per close.
            #expect(text.components(separatedBy: "<div").count == text.components(separatedBy: "</div>").count)
        }
        let markdown = try muster(["print", fixture]).stdout
        // Every '<' of the playbook's text is escaped, so that no Markdown renderer takes it for HTML.
        #expect(!markdown.replacingOccurrences(of: "\\<", with: "").contains("<"))
        #expect(markdown.contains("\\<script>alert('step')\\</script>"))
    }

    @Test func theHTMLIsSelfContainedAndPrintable() throws {
        let html = try muster(["print", "fire", "--format", "html"]).stdout
        #expect(html.hasPrefix("<!doctype html>"))
        #expect(html.contains("<meta name=\"viewport\""))
        #expect(html.contains("@page{size:A4"))
        #expect(html.contains("break-inside:avoid"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("src="))
    }

    @Test func outWritesAFileAndUsageErrorsExitTwo() throws {
        let directory = try TemporaryDirectory()
        let written = try muster(["print", "virus", "--out", "virus.md"], in: directory.url)
        #expect(written.status == 0)
        #expect(written.stdout.isEmpty)
        let file = try String(contentsOf: directory.url.appendingPathComponent("virus.md"), encoding: .utf8)
        #expect(file.contains("`cut_off`"))
        #expect(try muster(["print", "virus", "--out", "virus.md"], in: directory.url).status == 1)
        #expect(try muster(["print"]).status == 2)
        #expect(try muster(["print", "virus", "--format", "json"]).status == 2)
        #expect(try muster(["print", "no-such-playbook"]).status == 1)
    }

    private func escapeHTML(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}
