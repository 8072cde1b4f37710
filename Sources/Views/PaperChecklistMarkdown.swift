/// The paper checklist as Markdown: readable as plain text, and as a rendered page.
///
/// Boxes are `[ ]`, lines to write on are underscores. Playbook text is escaped so that it can neither start
/// HTML in a renderer (`<` is written `\<`) nor break a table cell.
public struct PaperChecklistMarkdown: Sendable {
    /// The checklist laid out.
    public let checklist: PaperChecklist

    /// The Markdown of `checklist`.
    public init(checklist: PaperChecklist) {
        self.checklist = checklist
    }

    private var words: PaperChecklistLabels { checklist.words }
    private var labels: PlaybookOutlineLabels { checklist.outline.labels }

    /// The whole checklist, ending with a newline.
    public func render() -> String {
        var out: [String] = []
        out.append("# " + escape(checklist.title) + " — " + words.paperChecklist)
        out.append("")
        out.append(labels.id + labels.colon + "`\(checklist.playbook.id)`  " + labels.version + labels.colon
            + "`\(checklist.playbook.version)`")
        if let summary = checklist.summary {
            out.append("")
            out.append(escape(summary))
        }
        out.append("")
        out.append("> " + words.useWhen + " " + words.howToFill)
        out.append("")
        out.append("## " + words.run)
        out.append("")
        for line in checklist.runBlock { out.append("- " + render(line)) }
        out.append("")
        out.append("## " + words.roles)
        out.append("")
        for line in checklist.roles { out.append("- " + render(line)) }
        out.append("")
        out.append("## " + words.severityLevels)
        out.append("")
        if checklist.showsIDs {
            out.append("| " + words.level + " | " + words.title + " | " + words.clocks + " |")
            out.append("|---|---|---|")
            for level in checklist.levels {
                out.append("| `\(level.id)` | " + cell(level.title) + " | " + cell(level.clocks) + " |")
            }
        } else {
            out.append("| " + words.level + " | " + words.clocks + " |")
            out.append("|---|---|")
            for level in checklist.levels { out.append("| " + cell(level.title) + " | " + cell(level.clocks) + " |") }
        }
        if !checklist.milestones.isEmpty {
            out.append("")
            out.append("## " + words.milestones)
            out.append("")
            for line in checklist.milestones { out.append("- " + render(line)) }
        }
        out.append("")
        out.append("## " + words.mainSteps + " " + escape(checklist.startTitle))
        for step in checklist.mainSteps { self.step(step, depth: 3, into: &out) }
        let afterEnd = checklist.afterEndSteps
        if !afterEnd.isEmpty {
            out.append("")
            out.append("## " + words.afterEndSteps)
            out.append("")
            out.append(words.afterEndNote)
            for step in afterEnd { self.step(step, depth: 3, into: &out) }
        }
        out.append("")
        out.append("## " + words.outcomes)
        out.append("")
        for line in checklist.outcomes { out.append("- " + render(line)) }
        out.append("")
        out.append("## " + words.notes)
        out.append("")
        for _ in 0..<5 {
            out.append("- " + words.time + labels.colon + blank(wide: false) + " " + blank(wide: true) + blank(wide: true))
        }
        out.append("")
        out.append("---")
        out.append("")
        out.append("**" + words.footer + "**")
        out.append("")
        out.append(words.signedBy + labels.colon + blank(wide: true) + " " + words.date + labels.colon + blank(wide: false))
        return out.map { $0.trimmedEnd() }.joined(separator: "\n") + "\n"
    }

    private func step(_ step: PaperChecklist.StepBlock, depth: Int, into out: inout [String]) {
        out.append("")
        let number = step.number.map { "\($0). " } ?? ""
        out.append(String(repeating: "#", count: min(depth, 6)) + " [ ] " + number + id(step.id) + escape(step.title))
        out.append("")
        out.append("*" + escape(step.kind) + "*")
        out.append("")
        for field in step.fields {
            if field.isList || field.lines.count > 1 {
                out.append("- **" + field.label + "**" + labels.colon.trimmedEnd())
                for line in field.lines { out.append("  - " + render(line)) }
            } else {
                out.append("- **" + field.label + "**" + labels.colon + render(field.lines[0]))
            }
        }
        if step.tracks.isEmpty { out.append("- " + render(step.record)) }
        for track in step.tracks {
            out.append("")
            out.append(String(repeating: "#", count: min(depth + 1, 6)) + " " + words.track + " " + id(track.id)
                + escape(track.title))
            for trackStep in track.steps { self.step(trackStep, depth: depth + 2, into: &out) }
            out.append("")
            out.append("- " + render(track.ended))
        }
        if !step.tracks.isEmpty {
            // A parallel step is done when its tracks join: its record comes after them.
            out.append("")
            let name = checklist.showsIDs ? "`\(step.id)`" : escape(step.title)
            out.append("- [ ] " + name + labels.colon + render(step.record))
        }
    }

    private func render(_ line: PaperChecklist.Line) -> String {
        line.map { piece in
            switch piece {
            case .text(let text): escape(text)
            case .code(let code): "`" + code.replacingOccurrences(of: "`", with: "'") + "`"
            case .strong(let text): "**" + escape(text) + "**"
            case .box: "[ ] "
            case .blank(let wide): blank(wide: wide)
            }
        }.joined()
    }

    /// "`report` " before a title in English; nothing in Chinese.
    private func id(_ id: String) -> String {
        checklist.showsIDs ? "`\(id)` " : ""
    }

    private func blank(wide: Bool) -> String {
        String(repeating: "_", count: wide ? 24 : 12)
    }

    /// Text as Markdown shows it literally: no HTML, no line breaks.
    private func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "<": out += "\\<"
            case "\\": out += "\\\\"
            case "\n": out += " "
            default: out.append(character)
            }
        }
        return out
    }

    private func cell(_ text: String) -> String {
        escape(text).replacingOccurrences(of: "|", with: "\\|")
    }
}

extension String {
    fileprivate func trimmedEnd() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }

    /// The text with every `target` replaced by `replacement` (Foundation's, which this package does without).
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Substring(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
