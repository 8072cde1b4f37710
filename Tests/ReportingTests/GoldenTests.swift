import PlaybookLanguage
import Foundation
import Reporting
import Testing

/// One golden document: a run, a kind, a language; each is checked in Markdown, JSON and HTML.
struct GoldenCase: Sendable, CustomStringConvertible {
    var signed: Bool
    var kind: ReportKind
    var language: Language

    /// `full-signed.en`: the golden files are this plus `.md`, `.json` and `.html`.
    var name: String { "\(kind.rawValue)-\(signed ? "signed" : "open").\(language)" }
    var description: String { name }

    static let all: [GoldenCase] = [
        GoldenCase(signed: true, kind: .full, language: .en),
        GoldenCase(signed: true, kind: .full, language: .zh),
        GoldenCase(signed: false, kind: .fault, language: .en),
        GoldenCase(signed: false, kind: .fault, language: .zh),
        GoldenCase(signed: false, kind: .work, language: .en),
        GoldenCase(signed: false, kind: .work, language: .zh),
    ]

    static let formats = ["md", "json", "html"]

    /// The three renderings, as `muster report --format md|json|html` prints them.
    func render() -> [String: String] {
        let report = ReportRun.cooling(signed: signed).report()
        // The Chinese goldens show Beijing time (+08:00), the English ones UTC (+00:00).
        let time = language == .zh ? LocalTime(TimeZone(identifier: "Asia/Shanghai")!) : .utc
        return [
            "md": MarkdownReport(report, language: language, time: time).render(kind),
            "json": ReportJSON(report, language: language, time: time).render(kind).serialized(pretty: true) + "\n",
            "html": HTMLReport(report, language: language, time: time).render(kind),
        ]
    }
}

/// Compares a rendering with its file under `Goldens/`; `MUSTER_UPDATE_GOLDENS=1` writes the files instead.
enum Golden {
    static var updating: Bool { ProcessInfo.processInfo.environment["MUSTER_UPDATE_GOLDENS"] == "1" }

    static func check(_ actual: String, file name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = ReportKit.goldens.appendingPathComponent(name)
        if updating {
            try FileManager.default.createDirectory(at: ReportKit.goldens, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("no golden file \(name): run the tests with MUSTER_UPDATE_GOLDENS=1 to write it",
                         sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard expected != actual else { return }
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var line = 0
        while line < min(expectedLines.count, actualLines.count), expectedLines[line] == actualLines[line] { line += 1 }
        func show(_ lines: [Substring]) -> String { line < lines.count ? String(lines[line].prefix(300)) : "<end of file>" }
        Issue.record("""
            \(name) differs from its golden file at line \(line + 1):
              golden: \(show(expectedLines))
              actual: \(show(actualLines))
            If the change is intended, run the tests with MUSTER_UPDATE_GOLDENS=1 and review the diff.
            """, sourceLocation: sourceLocation)
    }
}

struct GoldenTests {
    @Test(arguments: GoldenCase.all)
    func renderingsMatchTheirGoldenFiles(_ golden: GoldenCase) throws {
        let renderings = golden.render()
        for format in GoldenCase.formats {
            try Golden.check(renderings[format]!, file: "\(golden.name).\(format)")
        }
    }

    @Test func everyGoldenFileBelongsToACase() throws {
        let expected = Set(GoldenCase.all.flatMap { golden in GoldenCase.formats.map { "\(golden.name).\($0)" } })
        let present = Set(try FileManager.default.contentsOfDirectory(atPath: ReportKit.goldens.path))
        #expect(present.subtracting(expected).isEmpty, "stale golden files: \(present.subtracting(expected).sorted())")
        if !Golden.updating {
            #expect(expected.subtracting(present).isEmpty, "missing: \(expected.subtracting(present).sorted())")
        }
    }

    /// The run the goldens show has what the report must be able to show: if the engine changes so that it no
    /// longer has, the goldens would silently stop covering it.
    @Test func theGoldenRunHasEverythingAReportShows() {
        let signed = ReportRun.cooling(signed: true).report()
        let open = ReportRun.cooling(signed: false).report()
        #expect(signed.severityChanges.map(\.to) == ["severe", "fatal"])
        #expect(signed.decisions.map(\.defaulted) == [false, true])
        #expect(signed.approvals.map(\.granted) == [true])
        #expect(signed.escalations.count == 1)
        let first = signed.notifications.first
        #expect(first?.sent == ["carol"] && first?.failed.count == 1)
        #expect(signed.handovers.map(\.to) == ["erin"])
        #expect(Set(signed.notes.compactMap(\.section)) == ["phenomenon", "impact", "cause", "handling", "prevention", "lesson"])
        #expect(signed.notes.contains { $0.section == nil })
        #expect(signed.steps.contains { if case .cancelled = $0.ending { $0.step == "fans" } else { false } })
        #expect(signed.steps.contains { ($0.margin ?? 0) < 0 })
        #expect(signed.rejections.count == 1)
        #expect(signed.outcome?.id == "resolved")
        #expect(signed.milestones.map(\.status) == [.met, .late, .missed, .met])
        #expect(open.milestones.map(\.status) == [.met, .late, .missed, .pending])
        #expect(signed.obligations.map(\.ending) == [.done])
        #expect(open.obligations.map(\.ending) == [.open])
        #expect(signed.signatures.map(\.person) == ["wang.fang"])
        #expect(open.signatures.isEmpty)
        #expect(signed.closedAt != nil && open.closedAt == nil)
        // The step of the handed-over role is shown with the person who held it when it was done.
        #expect(signed.steps.first { $0.step == "spare_unit" }?.holder == "erin")
    }

    @Test func renderingIsAPureFunctionOfTheJournal() {
        let one = ReportRun.cooling(signed: true).report()
        let two = ReportRun.cooling(signed: true).report()
        for language in Language.allCases {
            for kind in ReportKind.allCases {
                #expect(HTMLReport(one, language: language).render(kind) == HTMLReport(two, language: language).render(kind))
            }
        }
    }
}
