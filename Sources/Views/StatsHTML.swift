import PlaybookLanguage
import Reporting

/// `muster stats --format html`: one self-contained page for a manager to attach, no scripts: per month, the share
/// of runs whose response and repair milestones were met on time, as SVG bar charts, live runs and drills in
/// sections of their own (drills never count in the live figures), and the live figures per playbook and level.
public struct StatsHTML: Sendable {
    public let summary: StatsSummary
    public let language: Language
    public let time: LocalTime

    public init(summary: StatsSummary, language: Language, time: LocalTime = .utc) {
        self.summary = summary
        self.language = language
        self.time = time
    }

    private var zh: Bool { language == .zh }
    private func e(_ text: String) -> String { HTMLReport.escape(text) }

    /// One month's tally of one measure.
    struct Month {
        var month: String
        var onTime = 0
        var counted = 0
    }

    /// The months (local, `2026-01`) of `points`, oldest first, with their tallies of `measure`.
    func months(_ points: [StatsSummary.RunPoint], _ measure: Milestone.Measure) -> [Month] {
        var byMonth: [String: Month] = [:]
        for point in points {
            let month = String(time.date(point.startedAt).prefix(7))
            var tally = byMonth[month] ?? Month(month: month)
            switch point.verdicts[measure] {
            case .onTime?:
                tally.onTime += 1
                tally.counted += 1
            case .late?: tally.counted += 1
            default: break
            }
            byMonth[month] = tally
        }
        return byMonth.keys.sorted().map { byMonth[$0]! }
    }

    private func measureName(_ measure: Milestone.Measure) -> String {
        switch measure {
        case .response: zh ? "响应及时率" : "Response on time"
        case .repair: zh ? "故障修复及时率" : "Repair on time"
        case .report: zh ? "报告及时率" : "Report on time"
        }
    }

    /// A bar per month: the share on time, labelled `3/4`; an empty month (nothing counted) is a dash.
    func chart(_ months: [Month], title: String) -> String {
        let width = 720.0, height = 220.0, left = 44.0, right = 12.0, top = 16.0, bottom = 40.0
        let plot = height - top - bottom
        let slot = (width - left - right) / Double(max(months.count, 1))
        var svg = "<svg class=\"stats-chart\" viewBox=\"0 0 720 220\" role=\"img\" aria-label=\"\(e(title))\">\n"
        svg += "<title>\(e(title))</title>\n"
        for percent in [0, 50, 100] {
            let y = top + plot * (1 - Double(percent) / 100)
            svg += "<line class=\"grid\" x1=\"\(n(left))\" y1=\"\(n(y))\" x2=\"\(n(width - right))\" y2=\"\(n(y))\"/>"
            svg += "<text class=\"tick\" x=\"\(n(left - 6))\" y=\"\(n(y + 4))\" text-anchor=\"end\">\(percent)%</text>\n"
        }
        for (index, month) in months.enumerated() {
            let x = left + slot * Double(index)
            let center = x + slot / 2
            svg += "<text class=\"tick\" x=\"\(n(center))\" y=\"\(n(height - bottom + 18))\" text-anchor=\"middle\">"
                + "\(e(month.month))</text>"
            guard month.counted > 0 else {
                svg += "<text class=\"count\" x=\"\(n(center))\" y=\"\(n(top + plot - 4))\" text-anchor=\"middle\">—</text>\n"
                continue
            }
            let share = Double(month.onTime) / Double(month.counted)
            let barHeight = max(plot * share, 1)
            let barWidth = min(slot * 0.6, 60)
            let tone = share >= 0.999 ? "ok" : share >= 0.5 ? "warn" : "bad"
            svg += "<rect class=\"bar \(tone)\" x=\"\(n(center - barWidth / 2))\" y=\"\(n(top + plot - barHeight))\""
                + " width=\"\(n(barWidth))\" height=\"\(n(barHeight))\"><title>\(e(month.month)): "
                + "\(month.onTime)/\(month.counted)</title></rect>"
            svg += "<text class=\"count\" x=\"\(n(center))\" y=\"\(n(max(top + plot - barHeight - 4, top + 10)))\""
                + " text-anchor=\"middle\">\(month.onTime)/\(month.counted)</text>\n"
        }
        return svg + "</svg>"
    }

    private func n(_ value: Double) -> String {
        let tenths = Int64((value * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(abs(tenths % 10))"
    }

    private func section(_ heading: String, points: [StatsSummary.RunPoint], note: String) -> String {
        var out = "<section>\n<h2>\(e(heading))</h2>\n<p class=\"note\">\(e(note))</p>\n"
        guard !points.isEmpty else { return out + "<p class=\"none\">\(e(zh ? "无" : "none"))</p>\n</section>\n" }
        for measure in [Milestone.Measure.response, .repair] {
            let title = measureName(measure) + " — " + heading
            out += "<figure>\n<figcaption>\(e(title))</figcaption>\n" + chart(months(points, measure), title: title)
                + "\n</figure>\n"
        }
        return out + "</section>\n"
    }

    /// The page.
    public func render() -> String {
        let title = zh ? "响应及时率与故障修复及时率" : "Response and repair timeliness"
        var body = "<h1>\(e(title))</h1>\n<p class=\"note\">\(e((zh ? "截至 " : "As of ") + time.instant(summary.now)))"
        // A Chinese reader reads the zone as its offset, not as an English zone name.
        let zone = zh ? time.offsetName(at: summary.now) : time.name
        body += e(zh ? "；按运行开始的月份（\(zone)）统计" : "; by the month each run started (\(zone))")
        if let since = summary.since {
            body += e((zh ? "；开始不早于 " : "; runs started on or after ") + String(TimeText.instant(since).prefix(10)))
        }
        body += e(zh ? "。" : ".") + "</p>\n"
        body += section(zh ? "实战运行" : "Live runs", points: summary.points.filter { !$0.drill },
                        note: zh ? "柱高为按时运行占计入运行的比例；里程碑到期后该运行才计入。"
                            : "Each bar is the share of counted runs on time; a run counts once its milestone fell due.")
        body += section(zh ? "演练（不计入实战统计）" : "Drills (never counted with the live runs)",
                        points: summary.points.filter(\.drill),
                        note: zh ? "演练单独统计，便于对比训练与实战。" : "Drills are shown apart, to compare practice with real incidents.")
        body += "<section>\n<h2>\(e(zh ? "按预案与级别" : "By playbook and level"))</h2>\n<pre>"
            + e(StatsRendering(summary: summary, language: language, time: time).tables()) + "</pre>\n</section>\n"
        return """
            <!doctype html>
            <html lang="\(zh ? "zh-CN" : "en")">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(title))</title>
            <style>
            body { margin: 0; background: #f3f5f7; color: #1b1f24; font: 15px/1.5 system-ui, "Noto Sans", "Noto Sans CJK SC",
              "WenQuanYi Micro Hei", sans-serif; }
            main { max-width: 960px; margin: 0 auto; padding: 24px 28px; background: #fff; }
            main * { overflow-wrap: anywhere; }
            h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; color: #1f5f99; border-bottom: 2px solid #1f5f99; }
            .note, .none { color: #5b6570; }
            figure { margin: 1rem 0; break-inside: avoid; }
            figcaption { font-weight: 600; margin-bottom: .3rem; }
            svg { display: block; width: 100%; height: auto; }
            .grid { stroke: #e3e7eb; } .tick { fill: #5b6570; font-size: 12px; } .count { fill: #1b1f24; font-size: 12px; }
            .bar.ok { fill: #24723a; } .bar.warn { fill: #c98a00; } .bar.bad { fill: #b3261e; }
            pre { white-space: pre-wrap; font-size: .85rem; }
            @media print { body, main { background: none; } main { padding: 0; } }
            </style>
            </head>
            <body>
            <main>
            \(body)</main>
            </body>
            </html>

            """
    }
}
