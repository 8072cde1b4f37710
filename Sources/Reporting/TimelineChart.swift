import PlaybookLanguage
import RunEngine

/// The inline SVG chart of a run for the HTML report: one bar per activated step, from its activation to its end
/// (or to the end of the report while it is open), its deadline marked, the overdue part in a colour of its own,
/// cancelled bars hatched; then one lane per milestone with a diamond at its deadline, filled when met; above the
/// lanes of the response, the severity changes, handovers and escalations stand out (`ChartMarkers`).
///
/// The time axis is run-relative. Every text from the playbook or from a person is escaped. The chart is a pure
/// function of the report, so the same journal always draws the same picture.
struct TimelineChart {
    let report: RunReport
    let words: ReportWords
    /// The steps drawn, one lane each.
    let steps: [RunReport.StepRow]
    /// The milestones drawn, one lane each.
    let milestones: [RunReport.MilestoneRow]
    /// Where the axis starts: the run's start, or its outcome for the obligations after the end.
    let origin: Int64
    /// The last instant the chart knows of: an open bar runs to it.
    let reportEnd: Int64
    /// What the chart's title calls it.
    let name: LocalizedText
    /// The severity changes, handovers and escalations marked above the lanes (the response only).
    var markers: ChartMarkers? = nil

    /// The response: the main steps and the milestones counted from the start, from the start to the outcome.
    static func response(report: RunReport, words: ReportWords) -> TimelineChart {
        let fromStart = Set(report.playbook.milestones.filter { $0.from == .start }.map(\.id))
        let last = report.endedAt ?? max(report.asOf ?? 0, report.timeline.last?.event.at ?? report.startedAt)
        var chart = TimelineChart(
            report: report, words: words, steps: report.steps.filter { $0.phase == .main },
            milestones: report.milestones.filter { fromStart.contains($0.milestone) }, origin: report.startedAt,
            reportEnd: max(last, report.startedAt),
            name: LocalizedText(english: "The response: steps and milestones over time", chinese: "处置过程：步骤与里程碑时间图"))
        let axis = chart.axis
        let markers = ChartMarkers(report: report, words: words, from: axis.start, to: axis.end)
        if !markers.isEmpty { chart.markers = markers }
        return chart
    }

    /// The obligations after the end, on an axis of their own from the outcome; empty before the outcome.
    static func afterEnd(report: RunReport, words: ReportWords) -> TimelineChart {
        let fromOutcome = Set(report.playbook.milestones.filter { $0.from == .outcome }.map(\.id))
        let origin = report.endedAt ?? report.startedAt
        let last = max(report.asOf ?? 0, report.timeline.last?.event.at ?? origin, origin)
        return TimelineChart(
            report: report, words: words, steps: report.endedAt == nil ? [] : report.obligations,
            milestones: report.endedAt == nil ? [] : report.milestones.filter { fromOutcome.contains($0.milestone) },
            origin: origin, reportEnd: last,
            name: LocalizedText(english: "Obligations after the end", chinese: "善后工作时间图"))
    }

    // Geometry, in the SVG's own units (CSS scales the drawing to the page).
    static let width = 900.0
    static let left = 12.0
    static let right = 888.0
    static let top = 40.0
    static let rowHeight = 36.0
    static let fontSize = 13.0
    /// The largest font size the style sheet gives labels (on a phone), for keeping them inside the chart.
    static let largestLabelSize = 15.0

    /// Where the axis starts and ends, and the spacing of its ticks (milliseconds since the epoch).
    struct Axis {
        var start: Int64
        var end: Int64
        var tick: Int64

        func x(_ instant: Int64) -> Double {
            let clamped = min(max(instant, start), end)
            return TimelineChart.left + Double(clamped - start) / Double(end - start)
                * (TimelineChart.right - TimelineChart.left)
        }

        func contains(_ instant: Int64) -> Bool { instant >= start && instant <= end }
    }

    /// The axis: from the run's start to the report's end, stretched to take in deadlines that fall a little
    /// after it (those further away are drawn as arrows at the right edge), rounded up to a whole tick.
    var axis: Axis {
        let start = origin
        var end = reportEnd
        for step in steps { if let ended = step.endedAt { end = max(end, ended) } }
        for milestone in milestones { if let reached = milestone.reachedAt { end = max(end, reached) } }
        let slack = max((end - start) / 4, 60_000)
        let deadlines = steps.compactMap(\.dueAt) + milestones.compactMap(\.dueAt)
        for due in deadlines where due > end && due <= end + slack { end = due }
        let span = max(end - start, 60_000)
        let minute: Int64 = 60_000
        let steps: [Int64] = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080].map { $0 * minute }
        let tick = steps.first { span / $0 <= 8 } ?? steps[steps.count - 1]
        let rounded = (span + tick - 1) / tick * tick
        return Axis(start: start, end: start + rounded, tick: tick)
    }

    /// Whether there is anything to draw.
    var isEmpty: Bool { steps.isEmpty && milestones.allSatisfy { $0.dueAt == nil && $0.reachedAt == nil } }

    // MARK: Drawing

    func render() -> String {
        let axis = axis
        let milestoneRows = milestones
        let rows = steps.count + milestoneRows.count
        let separator = milestoneRows.isEmpty || steps.isEmpty ? 0.0 : 10.0
        let lanesTop = Self.top + (markers == nil ? 0 : ChartMarkers.band)
        let plotBottom = lanesTop + Double(rows) * Self.rowHeight + separator
        let height = plotBottom + 30
        var svg = "<svg class=\"timeline-chart\" viewBox=\"0 0 \(n(Self.width)) \(n(height))\" width=\"\(n(Self.width))\""
            + " height=\"\(n(height))\" role=\"img\" aria-labelledby=\"chart-title\" font-size=\"\(n(Self.fontSize))\">\n"
        svg += "<title id=\"chart-title\">\(e(chartTitle(axis)))</title>\n"
        svg += "<defs>" + ["hatch", "hatch-late"].map { id in
            "<pattern id=\"\(id)\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
                + "<rect class=\"hatch-ground\" width=\"6\" height=\"6\"/>"
                + "<line class=\"hatch-line\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\"/></pattern>"
        }.joined() + "</defs>\n"
        svg += grid(axis, bottom: plotBottom)
        svg += outcomeLine(axis, bottom: plotBottom)
        var y = lanesTop
        for row in steps {
            svg += bar(row, axis: axis, top: y)
            y += Self.rowHeight
        }
        if separator > 0 {
            svg += "<line class=\"lane-separator\" x1=\"\(n(Self.left))\" y1=\"\(n(y + separator / 2))\""
                + " x2=\"\(n(Self.right))\" y2=\"\(n(y + separator / 2))\"/>\n"
            y += separator
        }
        for row in milestoneRows {
            svg += milestone(row, axis: axis, top: y)
            y += Self.rowHeight
        }
        if let markers {
            svg += markers.svg(x: axis.x, top: Self.top, bottom: plotBottom, right: Self.right, escape: e, number: n,
                               relative: { words.relative($0 - origin) })
        }
        svg += "</svg>"
        return svg
    }

    /// The list of the marked moments, for under the chart ("" when none is marked).
    func markerList() -> String {
        markers?.list(words: words, origin: origin, escape: e) ?? ""
    }

    private func chartTitle(_ axis: Axis) -> String {
        let title = words.text(name)
        return "\(title): \(words.relative(0)) – \(words.relative(axis.end - axis.start))"
    }

    /// Vertical grid lines and run-relative tick labels, above and below the lanes.
    private func grid(_ axis: Axis, bottom: Double) -> String {
        var out = "<g class=\"axis\">\n"
        var instant = axis.start
        while instant <= axis.end {
            let x = axis.x(instant)
            let anchor = instant == axis.start ? "start" : instant == axis.end ? "end" : "middle"
            let label = e(tickLabel(instant - axis.start))
            out += "<line class=\"grid\" x1=\"\(n(x))\" y1=\"\(n(Self.top - 6))\" x2=\"\(n(x))\" y2=\"\(n(bottom))\"/>"
            out += "<text class=\"tick\" x=\"\(n(x))\" y=\"\(n(Self.top - 10))\" text-anchor=\"\(anchor)\">\(label)</text>"
            out += "<text class=\"tick\" x=\"\(n(x))\" y=\"\(n(bottom + 18))\" text-anchor=\"\(anchor)\">\(label)</text>\n"
            instant += axis.tick
        }
        return out + "</g>\n"
    }

    /// `+00:10`: hours and minutes since the start (ticks fall on whole minutes).
    private func tickLabel(_ milliseconds: Int64) -> String {
        let full = words.relative(milliseconds)
        return full.hasSuffix(":00") ? String(full.dropLast(3)) : full
    }

    /// One step's lane: its label, its bar (on-time part, overdue part), and its deadline.
    private func bar(_ row: RunReport.StepRow, axis: Axis, top: Double) -> String {
        let reportEnd = reportEnd
        let end = max(row.endedAt ?? reportEnd, row.activatedAt)
        let x0 = axis.x(row.activatedAt)
        let x1 = max(axis.x(end), x0 + 2)
        let barY = top + 18
        let barHeight = 12.0
        let overdueFrom = row.dueAt.flatMap { $0 < end ? max($0, row.activatedAt) : nil }
        var classes = ["bar"]
        switch row.ending {
        case .open: classes.append("open")
        case .done: classes.append("done")
        case .cancelled: classes.append("cancelled")
        }
        if overdueFrom != nil { classes.append("overdue") }

        let title = words.text(row.title)
        let status = statusText(row, end: end)
        var out = "<g class=\"\(classes.joined(separator: " "))\" data-step=\"\(e(row.step))\">"
        out += "<title>\(e(tooltip(row, title: title, status: status)))</title>\n"
        out += label(title, status: status.text, statusClass: status.cssClass, from: x0, to: x1, baseline: top + 13)
        if let overdueFrom {
            let xDue = min(max(axis.x(overdueFrom), x0), x1)
            if xDue > x0 {
                out += rect("seg ontime", x0, barY, xDue - x0, barHeight)
            }
            out += rect("seg late", xDue, barY, x1 - xDue, barHeight)
        } else {
            out += rect("seg ontime", x0, barY, x1 - x0, barHeight)
        }
        if let due = row.dueAt {
            if axis.contains(due) {
                let x = axis.x(due)
                out += "<line class=\"due\" x1=\"\(n(x))\" y1=\"\(n(barY - 4))\" x2=\"\(n(x))\" y2=\"\(n(barY + barHeight + 4))\"/>"
            } else if due > axis.end {
                out += clippedDeadline(y: barY + barHeight / 2)
            }
        }
        return out + "</g>\n"
    }

    private func rect(_ cssClass: String, _ x: Double, _ y: Double, _ width: Double, _ height: Double) -> String {
        "<rect class=\"\(cssClass)\" x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(max(width, 0)))\" height=\"\(n(height))\"/>"
    }

    /// A deadline beyond the axis: an arrow at the right edge.
    private func clippedDeadline(y: Double) -> String {
        let x = Self.right + 2
        return "<path class=\"due-beyond\" d=\"M\(n(x)) \(n(y - 5))l7 5l-7 5z\"/>"
    }

    private struct Status {
        var text: String
        var cssClass: String
    }

    /// What the label says after the title: the margin, overdue, cancelled or open.
    private func statusText(_ row: RunReport.StepRow, end: Int64) -> Status {
        switch row.ending {
        case .done:
            if let margin = row.margin { return Status(text: words.margin(margin), cssClass: margin < 0 ? "late" : "ok") }
            return Status(text: words("done"), cssClass: "ok")
        case .cancelled:
            return Status(text: words("cancelled"), cssClass: "muted")
        case .open:
            if let due = row.dueAt, due < end {
                return Status(text: words("open") + " · " + words.margin(due - end), cssClass: "late")
            }
            return Status(text: words("open"), cssClass: "muted")
        }
    }

    private func tooltip(_ row: RunReport.StepRow, title: String, status: Status) -> String {
        var text = "\(title): \(words.relative(row.activatedAt - origin)) → "
        text += row.endedAt.map { words.relative($0 - origin) } ?? words("open")
        if let due = row.dueAt { text += " · \(words("due")) \(words.relative(due - origin))" }
        return text + " · " + status.text
    }

    /// A lane's label above its bar: starts where the bar starts, moved left when it would run off the chart.
    private func label(_ title: String, status: String, statusClass: String, from x0: Double, to x1: Double,
                       baseline: Double) -> String
    {
        let separator = " · "
        // A title too long for the chart is cut with an ellipsis (the lane's tooltip has all of it).
        var title = title
        let room = Self.right - Self.left - Self.textWidth(separator + status)
        if Self.textWidth(title) > room {
            var cut = ""
            for character in title {
                if Self.textWidth(cut + String(character) + "…") > room { break }
                cut.append(character)
            }
            title = cut + "…"
        }
        let width = Self.textWidth(title + separator + status)
        var x = x0
        if x + width > Self.right { x = max(Self.left, Self.right - width) }
        return "<text class=\"label\" x=\"\(n(x))\" y=\"\(n(baseline))\">\(e(title))"
            + "<tspan class=\"status \(statusClass)\">\(e(separator + status))</tspan></text>\n"
    }

    /// One milestone's lane: its label, a diamond at its deadline (filled when met), a dot where it was reached.
    private func milestone(_ row: RunReport.MilestoneRow, axis: Axis, top: Double) -> String {
        let state: String
        switch row.status {
        case .met: state = "met"
        case .late: state = "late missed"
        case .missed: state = "missed"
        case .pending, .handedOver: state = "pending"
        case .notReached: state = "missed not-reached"
        }
        let title = words.text(row.title)
        let status = words(row.status.rawValue)
        var tip = title
        if let due = row.dueAt { tip += " · \(words("due")) \(words.relative(due - origin))" }
        if let reached = row.reachedAt { tip += " · \(words("reached")) \(words.relative(reached - origin))" }
        tip += " · \(status)"
        var out = "<g class=\"milestone \(state)\" data-milestone=\"\(e(row.milestone))\"><title>\(e(tip))</title>\n"
        let cy = top + 24
        // A met milestone's diamond marks when it was reached; the others' mark their deadline.
        let markAt = row.status == .met ? (row.reachedAt ?? row.dueAt) : (row.dueAt ?? row.reachedAt)
        let anchorX = markAt.map(axis.x) ?? Self.left
        let statusClass = row.status == .met ? "ok" : row.status == .pending || row.status == .handedOver ? "muted" : "late"
        out += label("◆ " + title, status: status, statusClass: statusClass, from: max(Self.left, anchorX - 6),
                     to: anchorX, baseline: top + 13)
        if let reached = row.reachedAt, row.status != .met {
            let x = axis.x(reached)
            if let due = row.dueAt, axis.contains(due) {
                out += "<line class=\"reach-span\" x1=\"\(n(min(x, axis.x(due))))\" y1=\"\(n(cy))\""
                    + " x2=\"\(n(max(x, axis.x(due))))\" y2=\"\(n(cy))\"/>"
            }
            out += "<circle class=\"reached\" cx=\"\(n(x))\" cy=\"\(n(cy))\" r=\"3.5\"/>"
        }
        if let mark = markAt {
            if axis.contains(mark) {
                let x = axis.x(mark)
                out += "<path class=\"diamond\" d=\"M\(n(x)) \(n(cy - 7))l7 7l-7 7l-7 -7z\"/>"
            } else if mark > axis.end {
                out += clippedDeadline(y: cy)
            }
        }
        return out + "</g>\n"
    }

    /// A dashed line where the run reached its outcome, labelled above the axis.
    private func outcomeLine(_ axis: Axis, bottom: Double) -> String {
        guard let outcome = report.outcome, axis.contains(outcome.at) else { return "" }
        let x = axis.x(outcome.at)
        let title = report.playbook.outcome(outcome.id).map { words.text($0.title) } ?? outcome.id
        let text = "\(words("Outcome")): \(title) \(words.relative(outcome.at - origin))"
        let width = Self.textWidth(text)
        let labelX = min(max(x - width / 2, Self.left), Self.right - width)
        return "<g class=\"outcome-marker\"><line class=\"outcome-line\" x1=\"\(n(x))\" y1=\"\(n(16))\" x2=\"\(n(x))\""
            + " y2=\"\(n(bottom))\"/><text class=\"outcome-label\" x=\"\(n(max(labelX, Self.left)))\" y=\"\(n(12))\">"
            + "\(e(text))</text></g>\n"
    }

    // MARK: Helpers

    /// A rough width of `text` at the largest label size: wide characters (CJK) count a full em, others 0.6.
    static func textWidth(_ text: String) -> Double {
        var ems = 0.0
        for scalar in text.unicodeScalars {
            ems += scalar.value >= 0x2E80 ? 1.0 : 0.6
        }
        return ems * largestLabelSize
    }

    private func e(_ text: String) -> String { HTMLReport.escape(text) }

    /// A coordinate with at most one decimal, written the same way everywhere.
    private func n(_ value: Double) -> String { Self.number(value) }

    static func number(_ value: Double) -> String {
        let tenths = Int64((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}
