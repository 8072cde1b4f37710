import PlaybookLanguage
import Reporting
import RunEngine

/// The index page of the HTML board of a runs directory (`muster watch --all --html DIR`): every run, live ones
/// first, with its playbook, severity, status, active steps and when it started, each linking to its own page.
public struct RunsIndexHTML: Sendable {
    /// One run of the directory: its state and playbook title, or neither when it cannot be read.
    public struct Entry: Sendable {
        public var runID: String
        public var title: LocalizedText?
        public var state: RunState?
        /// The run's pinned playbook, whose titles the Chinese page names the severity and outcome by.
        public var playbook: Playbook?
        public init(runID: String, title: LocalizedText?, state: RunState?) {
            self.runID = runID
            self.title = title
            self.state = state
        }

        /// A run read with its pinned playbook.
        public init(runID: String, playbook: Playbook, state: RunState) {
            self.init(runID: runID, title: playbook.title, state: state)
            self.playbook = playbook
        }

        /// A level or an outcome as the page's reader knows it: by its title in Chinese, by id in English.
        func name(_ kind: PlaybookNames.Kind, _ id: String, _ language: Language) -> String {
            guard language == .zh, let playbook else { return id }
            return PlaybookNames(playbook).name(kind, id, language)
        }
    }

    public let entries: [Entry]
    public let now: Int64
    public let language: Language
    public let times: LocalTimes

    public init(entries: [Entry], now: Int64, language: Language, times: LocalTimes) {
        self.entries = entries
        self.now = now
        self.language = language
        self.times = times
    }

    private func e(_ text: String) -> String { BoardPage.escape(text) }

    /// The page.
    public func render() -> String {
        let zh = language == .zh
        let label = Labels(language: language)
        var body = "<nav>" + BoardPage.languageLink("index.html", language: language) + "</nav>\n"
        body += "<h1>\(e(zh ? "运行" : "Runs"))</h1>\n"
        let live = entries.filter { $0.state?.isLive ?? true }
        let ended = entries.filter { !($0.state?.isLive ?? true) }
        for (heading, group) in [(zh ? "进行中" : "Live", live), (zh ? "已结束" : "Closed", ended)] {
            var list = ""
            if group.isEmpty {
                list = BoardPage.none(label("none"))
            } else {
                list = "<ul class=\"cards\">\n"
                for entry in group.sorted(by: { ($0.state?.startedAt ?? 0) > ($1.state?.startedAt ?? 0) }) {
                    let link = "\(entry.runID)/" + BoardPage.file("index.html", language: language)
                    list += "<li><div><a class=\"title\" href=\"\(e(link))\">\(e(entry.title?.text(language) ?? entry.runID))</a> "
                        + "<span class=\"id\">\(e(entry.runID))</span></div>\n"
                    guard let state = entry.state else {
                        list += "<div class=\"bad\">" + e(zh ? "无法读取（见 'muster verify \(entry.runID)'）"
                            : "unreadable (see 'muster verify \(entry.runID)')") + "</div></li>\n"
                        continue
                    }
                    let mode = state.start?.mode == .drill ? label("drill") : label("live")
                    list += "<div><span class=\"badge severity\">\(e(label("severity"))): "
                        + "\(e(state.severity.map { entry.name(.severity, $0, language) } ?? label("not graded")))"
                        + "</span> <span class=\"badge\">\(e(mode))</span>"
                        + (state.outcome.map { " " + e(label("outcome")) + ": " + e(entry.name(.outcome, $0.id, language)) }
                            ?? "") + "</div>\n"
                    list += "<div class=\"meta\">\(e(label("started"))) <time>\(e(times.instant(state.startedAt)))"
                        + "</time> · \(e(label("active steps"))): "
                        + e(state.activeOrder.isEmpty ? label("none") : state.activeOrder.joined(separator: ", "))
                        + "</div></li>\n"
                }
                list += "</ul>\n"
            }
            body += BoardPage.section(heading, list, cssClass: "runs")
        }
        return BoardPage.document(title: zh ? "运行" : "Runs", language: language, writtenAt: now, times: times,
                                  body: body)
    }
}
