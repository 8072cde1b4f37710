/// The turning points of a run marked on its timeline chart, so that they stand out: each severity change (a
/// triangle), handover (a circle) and escalation (a square) gets a numbered mark in a band above the lanes with a
/// dashed line down through them, and the same number in a list under the chart that says what happened in the
/// report's language, which stays legible on a phone and on paper however small the drawing becomes.
///
/// No scripts: the marks are plain SVG shapes with a `<title>` each.
struct ChartMarkers {
    /// One marked moment.
    struct Marker: Equatable {
        enum Kind: String { case severity, handover, escalation }
        var kind: Kind
        var at: Int64
        /// What happened, in the report's language.
        var text: String
    }

    /// The most moments marked; a run with more says how many more its tables list.
    static let limit = 30

    /// The height of the band the marks are drawn in, above the lanes.
    static let band = 30.0

    let markers: [Marker]
    /// Moments not marked because there were more than `limit`.
    let unmarked: Int

    /// The run's severity changes, handovers and escalations between `from` and `to`, in time order.
    init(report: RunReport, words: ReportWords, from: Int64, to: Int64) {
        let zh = words.language == .zh
        var all: [Marker] = []
        for change in report.severityChanges {
            let text = change.from.map { from in
                zh ? "级别由「\(words.severity(from))」调整为「\(words.severity(change.to))」"
                    : "severity changed from \(words.severity(from)) to \(words.severity(change.to))"
            } ?? (zh ? "定级为「\(words.severity(change.to))」" : "graded \(words.severity(change.to))")
            all.append(Marker(kind: .severity, at: change.at, text: text))
        }
        for handover in report.handovers {
            let from = handover.from ?? (zh ? "—" : "nobody")
            all.append(Marker(kind: .handover, at: handover.at,
                              text: zh ? "\(words.role(handover.role))由 \(from) 交接给 \(handover.to)"
                                  : "\(words.role(handover.role)) handed over from \(from) to \(handover.to)"))
        }
        for escalation in report.escalations {
            let step = words.step(escalation.step)
            all.append(Marker(kind: .escalation, at: escalation.at,
                              text: zh ? "步骤「\(step)」第 \(escalation.rung) 级升级"
                                  : "escalation \(escalation.rung) of '\(step)'"))
        }
        let inRange = all.filter { $0.at >= from && $0.at <= to }
        // A stable order: by instant, then severity, handover, escalation as journaled.
        let order: [Marker.Kind: Int] = [.severity: 0, .handover: 1, .escalation: 2]
        let sorted = inRange.enumerated().sorted {
            ($0.element.at, order[$0.element.kind]!, $0.offset) < ($1.element.at, order[$1.element.kind]!, $1.offset)
        }.map(\.element)
        markers = Array(sorted.prefix(Self.limit))
        unmarked = sorted.count - markers.count
    }

    var isEmpty: Bool { markers.isEmpty }

    /// The marks in the band from `top`, each with its number and a dashed line down to `bottom`. `x` places an
    /// instant on the chart; marks that would overlap are moved right, their lines stay at their instant.
    func svg(x: (Int64) -> Double, top: Double, bottom: Double, right: Double, escape: (String) -> String,
             number: (Double) -> String, relative: (Int64) -> String) -> String
    {
        var out = "<g class=\"markers\">\n"
        let cy = top + 13
        var lastX = -Double.infinity
        for (index, marker) in markers.enumerated() {
            let lineX = x(marker.at)
            let cx = min(max(lineX, lastX + 22), right - 14)
            lastX = cx
            let n = number
            out += "<g class=\"marker \(marker.kind.rawValue)\"><title>\(escape("\(index + 1). \(relative(marker.at)) \(marker.text)"))</title>"
            out += "<line class=\"marker-line\" x1=\"\(n(lineX))\" y1=\"\(n(cy + 8))\" x2=\"\(n(lineX))\" y2=\"\(n(bottom))\"/>"
            switch marker.kind {
            case .severity:
                out += "<path class=\"marker-shape\" d=\"M\(n(cx)) \(n(cy - 8))l8 15h-16z\"/>"
            case .handover:
                out += "<circle class=\"marker-shape\" cx=\"\(n(cx))\" cy=\"\(n(cy))\" r=\"7.5\"/>"
            case .escalation:
                out += "<rect class=\"marker-shape\" x=\"\(n(cx - 7))\" y=\"\(n(cy - 7))\" width=\"14\" height=\"14\"/>"
            }
            out += "<text class=\"marker-number\" x=\"\(n(cx + 10))\" y=\"\(n(cy + 5))\">\(index + 1)</text></g>\n"
        }
        return out + "</g>\n"
    }

    /// The list under the chart: each mark's symbol and number, its run-relative and local time, what happened.
    func list(words: ReportWords, origin: Int64, escape: (String) -> String) -> String {
        let zh = words.language == .zh
        var out = "<ol class=\"chart-markers\">\n"
        for (index, marker) in markers.enumerated() {
            let symbol = Self.symbol(marker.kind)
            out += "<li><span class=\"marker-symbol \(marker.kind.rawValue)\" aria-hidden=\"true\">\(symbol)</span>"
                + "<span class=\"marker-number\">\(index + 1)</span> <span class=\"time\">"
                + "\(escape(words.relative(marker.at - origin))) · \(escape(words.short(marker.at, sameDayAs: origin)))"
                + "</span> <bdi>\(escape(marker.text))</bdi></li>\n"
        }
        out += "</ol>\n"
        if unmarked > 0 {
            out += "<p class=\"more\">" + escape(zh ? "另有 \(unmarked) 个关键时刻未在图中标出；见升级、交接和级别变更各表。"
                : "\(unmarked) more key moments are not marked; the escalation, handover and severity tables list them.")
                + "</p>\n"
        }
        return out
    }

    /// The symbol of a kind of mark, as the list and the legend show it.
    static func symbol(_ kind: Marker.Kind) -> String {
        switch kind {
        case .severity: "▲"
        case .handover: "●"
        case .escalation: "■"
        }
    }
}
