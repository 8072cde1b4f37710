import Reporting

extension DrillReport {
    /// The report as one self-contained HTML page (no scripts, no external assets), every text escaped: the same
    /// content as the Markdown.
    public func html() -> String {
        let scenario = evaluation.scenario
        func e(_ text: String) -> String { HTMLReport.escape(text) }
        func heading(_ english: String, _ chinese: String) -> String { "<h2>\(e(say(english, chinese)))</h2>\n" }
        func list(_ items: [String]) -> String {
            items.isEmpty ? "<p>\(e(words("none")))</p>\n" : "<ul>" + items.map { "<li>\(e($0))</li>" }.joined() + "</ul>\n"
        }
        func rating(_ value: String) -> String { "<span class=\"rating \(value)\">\(value)</span>" }
        let title = e(say("Drill report (after-action report and improvement plan)", "演练报告（总结与改进计划）")) + ": " + e(words.text(scenario.title))
        let footer = say("Drill report", "演练报告") + " · " + words.text(scenario.title)
        var out = """
            <!doctype html>
            <html lang="\(zh ? "zh-CN" : "en")"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title)</title>
            <style>
            body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;
              margin:0 auto;max-width:60rem;padding:1rem;color:#1b1f24;line-height:1.45}
            h1{font-size:1.5rem} h2{font-size:1.15rem;border-bottom:2px solid #1f5fa8;color:#1f5fa8;margin-top:2rem}
            h3{font-size:1rem;margin-bottom:.2rem}
            table{border-collapse:collapse;width:100%;font-size:.92rem} td,th{overflow-wrap:anywhere}
            code{overflow-wrap:anywhere;word-break:break-all}
            th,td{border-bottom:1px solid #d7dbe0;padding:.35rem .5rem;text-align:left;vertical-align:top}
            th{background:#f2f4f7} .rating{font-weight:700;border-radius:.3rem;padding:.05rem .45rem;color:#fff}
            .P{background:#2e7d32}.S{background:#9a6b00}.M{background:#c2410c}.U{background:#b91c1c}
            @media screen and (max-width:640px){
              table.stack tr:first-child{display:none}
              table.stack,table.stack tbody,table.stack tr,table.stack td{display:block;width:100%}
              table.stack tr{border-bottom:1px solid #d7dbe0;padding:.4rem 0}
              table.stack td{border:0;padding:.1rem 0 .1rem 38%;position:relative;box-sizing:border-box}
              table.stack td::before{content:attr(data-label);position:absolute;left:0;width:36%;color:#57606a;
                font-weight:600;font-size:.88em}}
            @media print{body{max-width:none}.rating{color:#000;border:1px solid #000;background:none}
              h2{break-after:avoid} table{break-inside:auto}}
            \(HTMLReport.printedPageRules(footer: footer, language: zh ? "zh" : "en"))</style></head><body>
            <h1>\(title)</h1>

            """
        out += heading("Exercise overview", "演练概况") + "<div><table>"
        for row in overview("html") {
            let value = row.label == say("Overall rating", "总体评定") ? rating(row.value)
                : row.command ? "<code>\(e(row.value))</code>" : e(row.value)
            out += "<tr><th>\(e(row.label))</th><td>\(value)</td></tr>"
        }
        out += "</table></div>\n<p>" + e(say("Ratings: P performed without challenges · S with some challenges · "
            + "M with major challenges · U unable to be performed.", "评定：P 顺利完成 · S 有一定困难 · M 有重大困难 · U 未能完成。")) + "</p>\n"
        let objectiveLabels = [say("objective", "目标"), say("target", "指标"), say("rating", "评定"), say("why", "依据"),
                               say("evidence", "证据")].map(e)
        out += heading("Objectives and ratings", "演练目标与评定") + "<div><table class=\"stack\"><tr><th>"
            + objectiveLabels.joined(separator: "</th><th>") + "</th></tr>"
        let rows = objectiveRows
        for row in rows {
            // On a phone each row becomes a card, each cell labelled with its column.
            let cells = [e(row.title), e(row.target), rating(row.rating), e(row.why),
                         row.evidence.map(e).joined(separator: "<br>")]
            out += "<tr>" + zip(objectiveLabels, cells).map { "<td data-label=\"\($0)\">\($1)</td>" }.joined() + "</tr>"
        }
        out += "</table></div>\n" + heading("Analysis by objective", "分目标分析")
        for row in rows {
            out += "<h3>\(e(row.title)) \(rating(row.rating))</h3>\n<p>\(e(say("Strengths", "优点")))</p>\n" + list(row.strengths)
            out += "<p>\(e(say("Areas for improvement", "待改进之处")))</p>\n" + list(row.improvements)
        }
        out += heading("Hot wash and observations", "现场讲评与观察") + list(hotWash)
        out += heading("Improvement plan", "改进计划")
        let plan = improvementPlan
        if plan.isEmpty {
            out += "<p>\(e(words("none")))</p>\n"
        } else {
            let planLabels = [say("objective", "目标"), say("action", "措施"), say("owner", "责任人"),
                              say("due", "完成期限"), say("status", "状态")].map(e)
            out += "<div><table class=\"stack\"><tr><th>" + planLabels.joined(separator: "</th><th>") + "</th></tr>"
            for action in plan {
                let cells = [e(objectiveTitle(action.objective)), e(action.action), e(ownerText(action.owner)), e(dueText(action)),
                             e(statusText(action.status))]
                out += "<tr>" + zip(planLabels, cells).map { "<td data-label=\"\($0)\">\($1)</td>" }.joined() + "</tr>"
            }
            out += "</table></div>\n"
        }
        out += heading("Injects delivered", "已发布的情景注入") + list(injectLines)
        out += heading("Signatures", "签字") + list(signatures)
        out += heading(words("Integrity"), words("Integrity"))
        out += "<p><small>\(e(words("Journal head (SHA-256)"))): <code>\(e(report.integrity.head))</code> · "
            + "\(e(words("Lines"))): \(report.integrity.lines)</small></p>"
        if let hash = start?.scenarioHash {
            out += "\n<p><small>\(e(say("Scenario (SHA-256, in the journal's first line)", "演练脚本（SHA-256，记于日志第 1 行）"))): "
                + "<code>\(e(hash))</code></small></p>"
        }
        return out + "\n</body></html>\n"
    }
}
