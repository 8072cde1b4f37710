import Diagnostics
public import JSONText
public import PlaybookLanguage
import Reporting

/// The drill programme: which drills are required how often, and, given the drills held, what is due next and
/// when each playbook was last drilled with people.
public struct DrillProgramme: Sendable {
    /// A drill of a runs directory, as the programme sees it.
    public struct HeldDrill: Sendable, Hashable {
        public var runID: String
        public var kind: Scenario.Kind
        public var playbook: String
        /// When it was really held: the wall clock's instant of its start, or the real date of an unattended
        /// practice kept beside its journal (for journals written before either was recorded, the start's own
        /// instant).
        public var held: Int64
        /// Whether it counts toward the programme: held with people (a person played a role: not an unattended
        /// `drill run` nor a drill with every role scripted, which are practice) and completed (an outcome
        /// reached, not aborted).
        public var counts: Bool

        public init(runID: String, kind: Scenario.Kind, playbook: String, held: Int64, counts: Bool) {
            self.runID = runID
            self.kind = kind
            self.playbook = playbook
            self.held = held
            self.counts = counts
        }
    }

    /// How often each kind is required, in days, with the requirement in English and Chinese.
    public static let requirements: [(kind: Scenario.Kind, days: Int64, english: String, chinese: String)] = [
        (.live, 365, "a full drill at least yearly", "每年至少一次全面演练"),
        (.tabletop, 30, "a tabletop exercise monthly", "每月一次桌面推演"),
        (.unscripted, 182, "an unscripted live drill every six months", "每半年一次无脚本实战演练"),
        (.attackDefence, 91, "an attack-and-defence exercise quarterly", "每季度一次攻防演练"),
        (.restore, 7, "restore practice weekly", "每周一次备份恢复演练"),
    ]

    /// The drills held.
    public var drills: [HeldDrill]
    /// The playbooks to say coverage for (those drilled are added).
    public var playbooks: [String]
    /// The instant the programme is judged at.
    public var now: Int64

    public init(drills: [HeldDrill], playbooks: [String], now: Int64) {
        self.drills = drills
        self.playbooks = Set(playbooks + drills.map(\.playbook)).sorted()
        self.now = now
    }

    /// Whether a required drill is due: overdue, or never held (due now). For cron, a failure to report.
    public var anyOverdue: Bool {
        Self.requirements.contains { dueAt(of: $0.kind, days: $0.days) <= now }
    }

    private func latest(_ list: [HeldDrill]) -> HeldDrill? {
        list.max { ($0.held, $0.runID) < ($1.held, $1.runID) }
    }

    private func dueAt(of kind: Scenario.Kind, days: Int64) -> Int64 {
        latest(drills.filter { $0.kind == kind && $0.counts }).map { $0.held + days * 86_400_000 } ?? now
    }

    /// The programme and the coverage as text, in `language`, its instants local times in `time`'s zone with their
    /// offset. In English the rows are labelled with the kinds' and the playbooks' ids; in Chinese with the kinds'
    /// Chinese names and the playbooks' `titles` (a playbook without one keeps its id).
    public func text(language: Language, time: LocalTime = .utc, titles: [String: LocalizedText] = [:]) -> String {
        // Ids are ASCII, one column a character; Chinese names take two.
        func columns(_ text: String) -> Int { text.unicodeScalars.reduce(0) { $0 + ($1.isASCII ? 1 : 2) } }
        func pad(_ text: String, _ width: Int) -> String {
            text + String(repeating: " ", count: max(0, width - columns(text)))
        }
        let zh = language == .zh
        let instant = time.instant
        let span = { TimeText.span($0, language: language) }
        let kindName = { (kind: Scenario.Kind) in zh ? kind.title.text(language) : kind.rawValue }
        let playbookName = { (id: String) in zh ? titles[id]?.text(language) ?? id : id }
        let kindWidth = zh ? Self.requirements.map { columns(kindName($0.kind)) }.max() ?? 0 : 14
        var out = ""
        for (kind, days, english, chinese) in Self.requirements {
            let previous = latest(drills.filter { $0.kind == kind && $0.counts })
            let dueAt = dueAt(of: kind, days: days)
            let overdue = dueAt <= now
            let practice = drills.filter { $0.kind == kind && !$0.counts }.count
            var line = "\(pad(kindName(kind), kindWidth)) \(zh ? chinese : english): "
            if let previous {
                line += (zh ? "上次 " : "last ") + instant(previous.held) + " (\(TerminalText.line(previous.runID))); "
            } else {
                line += zh ? "从未举行; " : "never held; "
            }
            if !overdue {
                line += (zh ? "下次 " : "next by ") + instant(dueAt)
            } else if previous != nil, now > dueAt {
                line += zh ? "已逾期 \(span(now - dueAt))（应于 \(instant(dueAt)) 前）"
                    : "overdue by \(span(now - dueAt)) (due by \(instant(dueAt)))"
            } else {
                line += zh ? "现已到期" : "due now"
            }
            if practice > 0 {
                line += zh ? "；另有 \(practice) 次不计入（无人值守或全部由脚本扮演的练习、中止或未完成）"
                    : "; \(practice) more not counted (unattended or all-scripted practice, aborted or not completed)"
            }
            out += line + "\n"
        }
        // Coverage: when each playbook was last drilled with people, whatever the kind.
        out += zh ? "\n各预案的演练情况：\n" : "\ncoverage by playbook:\n"
        let width = playbooks.map { columns(TerminalText.line(playbookName($0))) }.max() ?? 0
        for playbook in playbooks {
            let last = latest(drills.filter { $0.playbook == playbook && $0.counts })
            out += "  \(pad(TerminalText.line(playbookName(playbook)), width))  " + (last.map {
                (zh ? "上次 " : "last drilled ") + instant($0.held) + " (\($0.runID), \(kindName($0.kind)))"
            } ?? (zh ? "从未演练" : "never drilled")) + "\n"
        }
        return out
    }

    /// The programme and the coverage as JSON: `{"programme": [...], "coverage": {...}}`.
    public func json() -> JSONValue {
        var rows: [JSONValue] = []
        for (kind, days, _, _) in Self.requirements {
            let previous = latest(drills.filter { $0.kind == kind && $0.counts })
            let dueAt = dueAt(of: kind, days: days)
            let overdue = dueAt <= now
            let practice = drills.filter { $0.kind == kind && !$0.counts }.count
            rows.append(.object([
                "kind": .string(kind.rawValue), "every_days": .integer(days),
                "last": previous.map { .integer($0.held) } ?? .null, "last_run": previous.map { .string($0.runID) } ?? .null,
                "due_at": .integer(dueAt), "overdue": .bool(overdue),
                "overdue_ms": overdue ? .integer(now - dueAt) : .null, "not_counted": .integer(Int64(practice)),
            ]))
        }
        var coverage = JSONObject()
        for playbook in playbooks {
            let last = latest(drills.filter { $0.playbook == playbook && $0.counts })
            coverage[playbook] = last.map { .object(["last": .integer($0.held), "run": .string($0.runID),
                                                     "kind": .string($0.kind.rawValue)]) } ?? .null
        }
        return .object(["programme": .array(rows), "coverage": .object(coverage)])
    }
}
