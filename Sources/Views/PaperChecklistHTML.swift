import Reporting

/// The paper checklist as one self-contained HTML page: printable on A4 (no backgrounds, no page break inside a
/// step, no heading left alone at the foot of a page, the checklist's name and "page N of M" on every page) and
/// readable on a phone; long words (a path, a link) break rather than widen the page. Every playbook text is escaped.
public struct PaperChecklistHTML: Sendable {
    /// The checklist laid out.
    public let checklist: PaperChecklist

    /// The HTML page of `checklist`.
    public init(checklist: PaperChecklist) {
        self.checklist = checklist
    }

    private var words: PaperChecklistLabels { checklist.words }
    private var labels: PlaybookOutlineLabels { checklist.outline.labels }

    static let style = """
        *{box-sizing:border-box}
        body{font-family:"Noto Sans","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",Arial,sans-serif;\
        font-size:15px;line-height:1.45;color:#000;background:#fff;margin:0 auto;max-width:52rem;padding:1rem;\
        overflow-wrap:anywhere}
        h1{font-size:1.45rem;margin:.2rem 0 .4rem}
        h2{font-size:1.15rem;border-bottom:2px solid #000;margin:1.4rem 0 .5rem;padding-bottom:.1rem}
        h3,h4,h5{margin:.2rem 0 .3rem;font-size:1.05rem}
        h2,h3,h4,h5,.intro{break-after:avoid;page-break-after:avoid}
        .keep{break-inside:avoid;page-break-inside:avoid}
        code{font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:.88em}
        ul{margin:.2rem 0;padding-left:1.2rem}
        li{margin:.15rem 0}
        ul.lines{list-style:none;padding-left:.2rem}
        .meta,.kind{color:#333}
        .kind{font-style:italic;margin:0 0 .3rem}
        .use{border:2px solid #000;padding:.5rem .7rem;margin:.6rem 0}
        .box{display:inline-block;width:.95em;height:.95em;border:1.5px solid #000;vertical-align:-.12em;\
        margin-right:.35em;background:#fff}
        .blank{display:inline-block;min-width:7em;border-bottom:1px solid #000;height:1.1em;vertical-align:bottom;\
        margin:0 .3em}
        .blank.wide{min-width:14em}
        .step{border:1.5px solid #000;border-radius:4px;padding:.5rem .7rem;margin:.7rem 0;\
        break-inside:avoid;page-break-inside:avoid}
        .step .step{border-style:dashed}
        .step.parallel{break-inside:auto;page-break-inside:auto}
        .track{margin:.6rem 0 .3rem .2rem;padding-left:.6rem;border-left:3px solid #000}
        .record{margin-top:.4rem;padding-top:.3rem;border-top:1px dotted #000}
        .field-label{font-weight:bold}
        table{border-collapse:collapse;width:100%}
        th,td{border:1px solid #000;padding:.2rem .4rem;text-align:left;vertical-align:top}
        td:first-child,th:first-child{white-space:nowrap}
        .notes .blank{display:block;min-width:100%;height:1.8em;margin:0}
        footer{margin-top:1.5rem;border-top:2px solid #000;padding-top:.5rem;break-inside:avoid;page-break-inside:avoid}
        @media (max-width:600px){body{font-size:16px;padding:.6rem}.blank{min-width:5em}.blank.wide{min-width:9em}}
        @page{size:A4;margin:14mm 12mm}
        @media print{body{max-width:none;padding:0;font-size:10.5pt}*{background:transparent !important;\
        color:#000 !important;box-shadow:none !important}h2{break-after:avoid;page-break-after:avoid}\
        .box{background:transparent}}
        """

    /// The whole page, ending with a newline.
    public func render() -> String {
        var out = "<!doctype html>\n<html lang=\"" + (checklist.language == .zh ? "zh-CN" : "en") + "\">\n<head>\n"
        out += "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>" + escape(checklist.title) + " — " + escape(words.paperChecklist) + "</title>\n"
        out += "<style>\n" + Self.style + "\n"
            + HTMLReport.printedPageRules(footer: checklist.title + " — " + words.paperChecklist,
                                          language: checklist.language)
            + "</style>\n</head>\n<body>\n"
        out += "<header>\n<h1>" + escape(checklist.title) + " — " + escape(words.paperChecklist) + "</h1>\n"
        out += "<p class=\"meta\">" + escape(labels.id + labels.colon) + "<code>" + escape(checklist.playbook.id)
            + "</code> &nbsp; " + escape(labels.version + labels.colon) + "<code>" + escape(checklist.playbook.version)
            + "</code></p>\n"
        if let summary = checklist.summary { out += "<p>" + escape(summary) + "</p>\n" }
        out += "<p class=\"use\">" + escape(words.useWhen + " " + words.howToFill) + "</p>\n</header>\n"
        out += section(words.run, list(checklist.runBlock, plain: true))
        out += section(words.roles, list(checklist.roles, plain: true))
        // A Chinese reader names a level by its title alone.
        let ids = checklist.showsIDs
        var table = "<table>\n<tr><th>" + escape(words.level) + "</th>"
            + (ids ? "<th>" + escape(words.title) + "</th>" : "") + "<th>" + escape(words.clocks) + "</th></tr>\n"
        for level in checklist.levels {
            table += "<tr><td>" + (ids ? "<code>" + escape(level.id) + "</code></td><td>" : "") + escape(level.title)
                + "</td><td>" + escape(level.clocks) + "</td></tr>\n"
        }
        out += section(words.severityLevels, table + "</table>\n")
        if !checklist.milestones.isEmpty { out += section(words.milestones, list(checklist.milestones, plain: true)) }
        out += section(words.mainSteps + " " + checklist.startTitle, items: checklist.mainSteps.map { step($0, depth: 3) })
        let afterEnd = checklist.afterEndSteps
        if !afterEnd.isEmpty {
            out += section(words.afterEndSteps, intro: words.afterEndNote, items: afterEnd.map { step($0, depth: 3) })
        }
        out += section(words.outcomes, list(checklist.outcomes, plain: true))
        out += "<section class=\"notes\">\n<h2>" + escape(words.notes) + "</h2>\n"
            + String(repeating: "<span class=\"blank\"></span>\n", count: 5) + "</section>\n"
        out += "<footer>\n<p><strong>" + escape(words.footer) + "</strong></p>\n<p>" + escape(words.signedBy + labels.colon)
            + "<span class=\"blank wide\"></span> " + escape(words.date + labels.colon)
            + "<span class=\"blank\"></span></p>\n</footer>\n"
        out += "</body>\n</html>\n"
        return out
    }

    private func section(_ title: String, _ body: String) -> String {
        "<section>\n<h2>" + escape(title) + "</h2>\n" + body + "</section>\n"
    }

    /// A section of steps: its heading, its introduction and its first step kept together on one page.
    private func section(_ title: String, intro: String? = nil, items: [String]) -> String {
        "<section>\n" + kept("<h2>" + escape(title) + "</h2>\n" + (intro.map { "<p class=\"intro\">" + escape($0) + "</p>\n" } ?? ""),
                            items) + "</section>\n"
    }

    /// `heading` and the first of `items` in one block that no page break splits, then the other items.
    private func kept(_ heading: String, _ items: [String]) -> String {
        guard let first = items.first else { return heading }
        return "<div class=\"keep\">\n" + heading + first + "</div>\n" + items.dropFirst().joined()
    }

    private func step(_ step: PaperChecklist.StepBlock, depth: Int) -> String {
        let heading = "h\(min(depth, 6))"
        let parallel = step.tracks.isEmpty ? "" : " parallel"
        var out = "<div class=\"step" + parallel + "\" id=\"step-" + escape(step.id) + "\">\n<" + heading + "><span class=\"box\"></span>"
        if let number = step.number { out += "\(number). " }
        if checklist.showsIDs { out += "<code>" + escape(step.id) + "</code> " }
        out += escape(step.title) + "</" + heading + ">\n"
        out += "<p class=\"kind\">" + escape(step.kind) + "</p>\n<ul>\n"
        for field in step.fields {
            out += "<li><span class=\"field-label\">" + escape(field.label + labels.colon) + "</span>"
            if field.isList || field.lines.count > 1 {
                out += "\n<ul class=\"lines\">\n" + field.lines.map { "<li>" + render($0) + "</li>\n" }.joined() + "</ul>"
            } else {
                out += render(field.lines[0])
            }
            out += "</li>\n"
        }
        out += "</ul>\n"
        for track in step.tracks {
            let trackHeading = "h\(min(depth + 1, 6))"
            let id = checklist.showsIDs ? "<code>" + escape(track.id) + "</code> " : ""
            out += "<div class=\"track\">\n"
            out += kept("<" + trackHeading + ">" + escape(words.track) + " " + id + escape(track.title) + "</"
                + trackHeading + ">\n", track.steps.map { self.step($0, depth: depth + 2) })
            out += "<p>" + render(track.ended) + "</p>\n</div>\n"
        }
        out += "<p class=\"record\">" + render(step.record) + "</p>\n</div>\n"
        return out
    }

    private func list(_ lines: [PaperChecklist.Line], plain: Bool) -> String {
        "<ul" + (plain ? " class=\"lines\"" : "") + ">\n" + lines.map { "<li>" + render($0) + "</li>\n" }.joined() + "</ul>\n"
    }

    private func render(_ line: PaperChecklist.Line) -> String {
        line.map { piece in
            switch piece {
            case .text(let text): escape(text)
            case .code(let code): "<code>" + escape(code) + "</code>"
            case .strong(let text): "<strong>" + escape(text) + "</strong>"
            case .box: "<span class=\"box\"></span>"
            case .blank(let wide): wide ? "<span class=\"blank wide\"></span>" : "<span class=\"blank\"></span>"
            }
        }.joined()
    }

    private func escape(_ text: String) -> String { HTMLReport.escape(text) }
}
