public import JSONText
public import PlaybookLanguage
public import Reporting
public import RunEngine

/// The runs of a runs directory, one line each (`muster runs`): id, playbook, kind, start and status.
public struct RunsList: Sendable {
    /// The runs, each with its state (`nil`: its journal cannot be read).
    public var runs: [(runID: String, state: RunState?)]
    public var language: Language
    public var time: LocalTime

    public init(_ runs: [(runID: String, state: RunState?)], language: Language, time: LocalTime) {
        self.runs = runs
        self.language = language
        self.time = time
    }

    private static func status(_ state: RunState) -> String {
        state.closed ? "closed" : state.outcome != nil ? "obligations open" : "live"
    }

    private static func kind(_ state: RunState) -> String? {
        state.start?.kind.rawValue
    }

    /// One line a run, in the list's language.
    public func text() -> String {
        let label = Labels(language: language)
        let chinese = language == .zh
        var out = ""
        for (runID, state) in runs {
            guard let state else {
                out += "\(TextWidth.pad(runID, to: 36)) " + (chinese ? "无法读取（见 'muster verify \(runID)'）"
                                                                  : "unreadable (see 'muster verify \(runID)')") + "\n"
                continue
            }
            let status = Self.status(state)
            let mode = state.start.map { label($0.kind.rawValue) } ?? "?"
            let shownStatus = chinese ? ["closed": "已结束", "obligations open": "善后未完", "live": "进行中"][status]!
                : status
            out += "\(TextWidth.pad(runID, to: 36)) \(TextWidth.pad(state.start?.playbookID ?? "?", to: 16)) "
                + "\(TextWidth.pad(mode, to: 8)) \(time.instant(state.startedAt))  "
                + "\(shownStatus)\(state.outcome.map { " · " + $0.id } ?? "")\n"
        }
        return out
    }

    /// The runs as a JSON array.
    public func json() -> JSONValue {
        .array(runs.map { runID, state in
            guard let state else { return .object(["run": .string(runID), "readable": .bool(false)]) }
            return .object([
                "run": .string(runID), "playbook": .string(state.start?.playbookID ?? ""),
                "mode": .string(state.start?.mode.rawValue ?? ""), "kind": Self.kind(state).map(JSONValue.string) ?? .null,
                "started_at": .integer(state.startedAt),
                "status": .string(Self.status(state)), "outcome": state.outcome.map { .string($0.id) } ?? .null,
            ])
        })
    }
}
