import Diagnostics
import PlaybookLanguage
import Reporting
import RunEngine

/// The injects a drill sent to its roles, as the run's boards show them (`status`, `watch`, their HTML pages):
/// the players read what reached them where they look, not only in their inbox. Each is marked as a drill's, in
/// the board's language, the latest last.
struct DrillInjectLines: Sendable {
    let state: RunState
    let language: Language
    /// Only the injects sent to one of these roles (a person's own board); nil: every inject.
    var roles: Set<String>? = nil
    /// The run's pinned playbook, for the roles' titles (ids without it).
    var playbook: Playbook? = nil

    /// How many of the latest injects a board shows.
    static let shown = 5

    /// One inject as a board shows it.
    struct Line {
        var id: String
        var at: Int64
        var roles: [String]
        /// "[DRILL] inject water-seen (by phone): …" in the board's language.
        var text: String
    }

    /// The injects shown from: every inject of a drill, or those sent to `roles`; none on a run that is not a drill.
    var sent: [RunState.DeliveredInject] {
        guard state.start?.mode == .drill else { return [] }
        guard let roles else { return state.injects }
        return state.injects.filter { !roles.isDisjoint(with: $0.roles) }
    }

    /// The latest injects, oldest first; empty on a run that is not a drill.
    var lines: [Line] {
        sent.suffix(Self.shown).map { Line(id: $0.id, at: $0.at, roles: $0.roles, text: text(of: $0)) }
    }

    /// "[DRILL] inject water-seen (by phone): …" for one inject, in the board's language: its announcement, or,
    /// when it had none, its text in that language (a Chinese reader reads no id).
    func text(of inject: RunState.DeliveredInject) -> String {
        let zh = language == .zh
        let said = zh ? inject.announcementChinese ?? inject.announcement : inject.announcement
        let words = said ?? (zh ? "情景注入：" : "inject \(inject.id): ") + InjectText.said(inject.message, language)
        return (zh ? "【演练】" : "[DRILL] ") + words
    }

    /// The roles an inject went to, as the board's reader knows them: by their titles in Chinese.
    func rolesText(_ roles: [String]) -> String {
        guard language == .zh, let playbook else { return roles.joined(separator: ", ") }
        return roles.map { role in playbook.role(role)?.title.text(language) ?? role }.joined(separator: "、")
    }

    /// How many earlier injects the board leaves out.
    var earlier: Int { max(0, sent.count - Self.shown) }

    /// The section's heading.
    var heading: String { language == .zh ? "演练情景注入" : "drill injects" }

    /// "2 earlier: muster log RUN" in the board's language, when some are left out.
    func earlierNote(runID: String) -> String? {
        guard earlier > 0 else { return nil }
        return language == .zh ? "另有 \(earlier) 条更早的注入：muster log \(runID)"
            : "\(earlier) earlier: muster log \(runID)"
    }

    /// The section as text lines for the terminal board, each ending in a newline; empty when no inject was sent.
    func text(runID: String, time: LocalTime) -> String {
        let lines = lines
        guard !lines.isEmpty else { return "" }
        var out = "\n" + heading + ":\n"
        if let note = earlierNote(runID: runID) { out += "  (\(note))\n" }
        for line in lines {
            let to = line.roles.isEmpty ? "" : " → " + rolesText(line.roles)
            out += "  \(time.instant(line.at))\(to)  \(TerminalText.line(line.text))\n"
        }
        return out
    }

    /// The section's cards for an HTML page, the latest first, instants as local times; then the note on the
    /// earlier ones.
    func html(runID: String, times: LocalTimes) -> String {
        let e = BoardPage.escape
        var out = "<ul class=\"cards\">\n"
        for line in lines.reversed() {
            out += "<li class=\"inject\"><div><time>\(e(times.instant(line.at)))</time>"
                + (line.roles.isEmpty ? "" : " → \(e(rolesText(line.roles)))")
                + "</div>\n<div>\(e(line.text))</div></li>\n"
        }
        out += "</ul>\n"
        if let note = earlierNote(runID: runID) { out += "<p class=\"meta\">\(e(note))</p>\n" }
        return out
    }
}
