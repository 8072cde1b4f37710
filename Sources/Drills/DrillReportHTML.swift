import Reporting

extension DrillReport {
    /// The report as one self-contained HTML page (no scripts, no external assets), every text escaped.
    public func html() -> String {
        let scenario = evaluation.scenario
        func e(_ text: String) -> String { HTMLReport.escape(text) }
        let zh = words.language == "zh"
        func say(_ english: String, _ chinese: String) -> String { e(zh ? chinese : english) }
        var out = """
            <!doctype html>
            <html lang="\(zh ? "zh-CN" : "en")"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(say("Drill report", "演练报告")): \(e(words.text(scenario.title)))</title>
            <style>
            body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;
              margin:0 auto;max-width:60rem;padding:1rem;color:#1b1f24;line-height:1.45}
            h1{font-size:1.5rem} h2{font-size:1.15rem;border-bottom:2px solid #1f5fa8;color:#1f5fa8;margin-top:2rem}
            .scroll{overflow-x:auto} table{border-collapse:collapse;width:100%;font-size:.92rem}
            th,td{border-bottom:1px solid #d7dbe0;padding:.35rem .5rem;text-align:left;vertical-align:top}
            th{background:#f2f4f7} .rating{font-weight:700;border-radius:.3rem;padding:.05rem .45rem;color:#fff}
            .P{background:#2e7d32}.S{background:#9a6b00}.M{background:#c2410c}.U{background:#b91c1c}
            @media print{body{max-width:none}.rating{color:#000;border:1px solid #000;background:none}
              h2{break-after:avoid} table{break-inside:auto}}
            </style></head><body>
            <h1>\(say("Drill report", "演练报告")): \(e(words.text(scenario.title)))</h1>

            """
        out += "<div class=\"scroll\"><table>"
        let rows: [(String, String)] = [
            (zh ? "演练脚本" : "Scenario", "\(scenario.id) (\(scenario.kind.rawValue))"),
            (words("Playbook"), "\(report.playbook.id) \(report.playbook.version) · \(words.text(report.playbook.title))"),
            (zh ? "实际举行时间" : "Held (real time)", heldAt.map(words.instant) ?? "—"),
            (zh ? "演练方式" : "Played", playedText),
            (words("Started"), words.instant(report.startedAt)),
            (words("Ended"), report.endedAt.map(words.instant) ?? "—"),
            (words("Outcome"), report.outcome?.id ?? "—"),
            (zh ? "参演人员" : "Participants",
             scenario.participants.keys.sorted().map { "\($0): \(scenario.participants[$0]!)" }.joined(separator: ", ")),
        ]
        for (label, value) in rows { out += "<tr><th>\(e(label))</th><td>\(e(value))</td></tr>" }
        out += "<tr><th>\(say("Overall rating", "总体评定"))</th><td><span class=\"rating \(evaluation.overall.rawValue)\">"
            + "\(evaluation.overall.rawValue)</span></td></tr></table></div>\n"
        out += "<h2>\(say("Objectives", "演练目标"))</h2><div class=\"scroll\"><table><tr><th>\(say("objective", "目标"))</th>"
            + "<th>\(say("rating", "评定"))</th><th>\(say("why", "依据"))</th><th>\(say("evidence", "证据"))</th></tr>"
        for result in evaluation.results {
            let evidence = result.evidence.compactMap { seq -> String? in
                guard seq >= 1, seq <= report.timeline.count else { return nil }
                let entry = report.timeline[seq - 1]
                return "#\(seq) \(words.relative(entry.relative)) \(words.describe(entry.event.kind, playbook: report.playbook))"
            }
            out += "<tr><td>\(e(words.text(result.objective.title)))</td><td><span class=\"rating \(result.rating.rawValue)\">"
                + "\(result.rating.rawValue)</span></td><td>\(e(result.reason))</td><td>"
                + evidence.map(e).joined(separator: "<br>") + "</td></tr>"
        }
        out += "</table></div>\n<h2>\(say("Improvement plan", "改进计划"))</h2>"
        let plan = improvementPlan
        if plan.isEmpty {
            out += "<p>\(e(words("none")))</p>"
        } else {
            out += "<div class=\"scroll\"><table><tr><th>\(say("action", "措施"))</th><th>\(say("owner", "责任角色"))</th>"
                + "<th>\(say("due", "完成期限"))</th></tr>"
            for action in plan {
                out += "<tr><td>\(e(action.action))</td><td>\(e(action.owner))</td><td>\(e(words.instant(action.dueAt)))</td></tr>"
            }
            out += "</table></div>"
        }
        out += "\n<p><small>\(e(words("Journal head (SHA-256)"))): <code>\(e(report.integrity.head))</code></small></p>"
        if let hash = start?.scenarioHash {
            out += "\n<p><small>\(say("Scenario (SHA-256, in the journal's first line)", "演练脚本（SHA-256，记于日志第 1 行）")): "
                + "<code>\(e(hash))</code></small></p>"
        }
        return out + "\n</body></html>\n"
    }
}
