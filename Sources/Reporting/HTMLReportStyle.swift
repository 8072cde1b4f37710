import PlaybookLanguage
import Diagnostics

/// The one style sheet of the HTML report, inlined in every document: system fonts only (with CJK fallbacks),
/// tables that turn into labelled cards on a phone, a chart that scrolls sideways rather than shrinking into
/// unreadable text, and print rules (no backgrounds, big sections on new pages, the signature kept whole).
///
/// Nothing is clipped: tables wrap (long words break anywhere), stack into cards on a phone, and the chart scales
/// to the column, so no element is wider than its page at 1200 px, at 375 px or on A4.
enum HTMLReportStyle {
    /// The printed page's margin boxes: the document's name and "page N of M" at the foot of every page.
    ///
    /// - Parameter footer: Plain text (from a playbook or a person): written as a CSS string with every character
    ///   outside letters, digits and spaces escaped, so nothing in it can end the string or the style sheet.
    static func pageRules(footer: String, language: Language) -> String {
        var escaped = ""
        // Control and bidirectional characters first become visible escapes: a CSS escape would bring them back.
        for scalar in TerminalText.document(footer).unicodeScalars.prefix(120) {
            let value = scalar.value
            let plain = (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A)
                || (value >= 0x61 && value <= 0x7A) || value == 0x20 || value >= 0xA0
            if plain && !(0x2028...0x2029).contains(value) && !(0x202A...0x202E).contains(value) {
                escaped.unicodeScalars.append(scalar)
            } else {
                escaped += "\\" + String(value, radix: 16) + " "
            }
        }
        let page = language == .zh ? "\"第 \" counter(page) \" 页，共 \" counter(pages) \" 页\""
            : "\"page \" counter(page) \" of \" counter(pages)"
        return """
            @media print {
              @page {
                @bottom-left { content: "\(escaped)"; font-size: 8pt; color: #555; }
                @bottom-right { content: \(page); font-size: 8pt; color: #555; }
              }
            }

            """
    }


    static let css = """
        :root {
          --ink: #1b1f24; --muted: #5b6570; --line: #d4dae0; --soft: #f3f5f7; --paper: #fff;
          --accent: #1f5f99; --ok: #24723a; --bad: #b3261e; --warn: #8a5a00; --open: #5b8fc7;
          color-scheme: light;
        }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
        body {
          margin: 0; background: var(--soft); color: var(--ink);
          font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial,
            "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC",
            "WenQuanYi Micro Hei", sans-serif;
        }
        main { max-width: 1120px; margin: 0 auto; padding: 28px 32px 40px; background: var(--paper); }
        h1 { font-size: 1.65rem; line-height: 1.25; margin: 0 0 .4rem; overflow-wrap: anywhere; }
        main * { overflow-wrap: anywhere; }
        h2 {
          font-size: 1.15rem; margin: 2.2rem 0 .8rem; padding-bottom: .25rem;
          border-bottom: 2px solid var(--accent); color: var(--accent);
        }
        h3 { font-size: 1rem; margin: 1.2rem 0 .5rem; }
        p { margin: .5rem 0; }
        .doc-kind {
          margin: 0 0 .2rem; color: var(--muted); font-size: .85rem; letter-spacing: .06em; text-transform: uppercase;
        }
        code, .hash { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; }
        .hash { font-size: .85em; overflow-wrap: anywhere; word-break: break-all; }
        .id { color: var(--muted); font-size: .82em; font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
        .none { color: var(--muted); font-style: italic; }

        table { border-collapse: collapse; width: 100%; font-size: .92rem; }
        th, td { text-align: left; vertical-align: top; padding: .42rem .6rem; border-bottom: 1px solid var(--line); }
        thead th { background: var(--soft); color: var(--muted); font-weight: 600; overflow-wrap: normal; }
        td { overflow-wrap: anywhere; }
        td.time, td.num { white-space: nowrap; font-variant-numeric: tabular-nums; overflow-wrap: normal; }
        td.margin { min-width: 6em; }
        /* Short tokens (names, a command's label, column headings, a margin) are never squeezed to a letter or a
           character a line: a Chinese word keeps whole and a name breaks only when it cannot fit its page. */
        thead th, td.who, td.token, td.margin { word-break: keep-all; }
        td.who, td.who *, td.token, td.token * { overflow-wrap: break-word; }
        .sub { color: var(--muted); font-size: .85em; white-space: nowrap; }
        .more, .note-line, .counts, .hint { color: var(--muted); font-size: .88rem; }
        .hint { font-style: italic; }
        tr.key td { font-weight: 600; }
        td.note { white-space: pre-line; }
        td.title { min-width: 8em; }
        td.ok { color: var(--ok); }
        td.late, .status.late { color: var(--bad); }
        table.stack, table.log { margin: .4rem 0 1rem; }
        tr.cancelled td { color: var(--muted); }
        tr.overdue td:last-child { font-weight: 600; }
        table.log { font-size: .86rem; }
        table.log tr.minor td { color: var(--muted); }
        table.meta { width: auto; min-width: 50%; }
        table.meta th { color: var(--muted); font-weight: 600; white-space: nowrap; padding-right: 1.5rem; }
        .cover { border-bottom: 1px solid var(--line); padding-bottom: 1rem; }
        .subtitle { color: var(--muted); margin: 0 0 .8rem; }
        .summary { font-size: 1.05rem; max-width: 60em; }
        .drill-banner {
          margin: 0 0 1rem; padding: .5rem .8rem; border: 2px solid var(--warn); color: var(--warn); font-weight: 700;
          letter-spacing: .02em;
        }
        .figures {
          display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: .5rem; margin: 1rem 0;
        }
        .figure { border: 1px solid var(--line); border-radius: 6px; padding: .4rem .6rem; break-inside: avoid; }
        .figure dt { color: var(--muted); font-size: .8rem; }
        .figure dd { margin: 0; font-weight: 600; }
        .figure.ok dd { color: var(--ok); }
        .figure.bad dd { color: var(--bad); }
        .cover-heading { font-size: 1rem; margin-top: 1rem; }
        .recipients { padding-left: 1.2rem; margin: .3rem 0; }
        .recipients .bad { color: var(--bad); }
        .zone { color: var(--muted); font-size: .85rem; }

        .badge {
          display: inline-block; padding: 0 .5em; border: 1px solid currentColor; border-radius: .7em;
          font-size: .82em; line-height: 1.5; white-space: nowrap;
        }
        .badge.ok { color: var(--ok); }
        .badge.bad { color: var(--bad); }
        .badge.warn { color: var(--warn); }
        .badge.muted { color: var(--muted); }
        .tag {
          display: inline-block; padding: 0 .4em; border-radius: .3em; background: #e8eef5; color: var(--accent);
          font-size: .8em; white-space: nowrap;
        }

        figure.chart { margin: .5rem 0 1.5rem; }
        .chart-wrap { border: 1px solid var(--line); border-radius: 6px; padding: 6px 4px; }
        .chart-wrap svg { display: block; width: 100%; height: auto; }
        figcaption { color: var(--muted); font-size: .85rem; margin-top: .35rem; }
        .phone-only { display: none; }
        .timeline-chart text { fill: var(--ink); }
        .timeline-chart .tick { fill: var(--muted); font-size: 12px; font-variant-numeric: tabular-nums; }
        .timeline-chart .grid { stroke: #e3e7eb; stroke-width: 1; }
        .timeline-chart .lane-separator { stroke: var(--line); stroke-dasharray: 4 3; }
        .timeline-chart .label { font-size: 13px; }
        .timeline-chart .status { fill: var(--muted); }
        .timeline-chart .status.ok { fill: var(--ok); }
        .timeline-chart .status.late { fill: var(--bad); font-weight: 600; }
        .timeline-chart .seg.ontime { fill: #3b7dbf; }
        .timeline-chart .seg.late { fill: #d2372c; }
        .timeline-chart .bar.open .seg.ontime { fill: #a9c7e6; stroke: #3b7dbf; stroke-dasharray: 3 2; }
        .timeline-chart .bar.cancelled .seg { stroke: #7b8590; stroke-width: 1; }
        .timeline-chart .bar.cancelled .seg.ontime { fill: url(#hatch); }
        .timeline-chart .bar.cancelled .seg.late { fill: url(#hatch-late); }
        .timeline-chart .hatch-ground { fill: #e4e7ea; }
        .timeline-chart .hatch-line { stroke: #7b8590; stroke-width: 2; }
        .timeline-chart #hatch-late .hatch-ground { fill: #f6d5d2; }
        .timeline-chart #hatch-late .hatch-line { stroke: #d2372c; }
        .timeline-chart .due { stroke: #111; stroke-width: 2; }
        .timeline-chart .due-beyond { fill: #111; }
        .timeline-chart .diamond { stroke-width: 2; }
        .timeline-chart .milestone.met .diamond { fill: var(--ok); stroke: var(--ok); }
        .timeline-chart .milestone.missed .diamond { fill: #fff; stroke: var(--bad); }
        .timeline-chart .milestone.pending .diamond { fill: #fff; stroke: var(--muted); stroke-dasharray: 2 2; }
        .timeline-chart .reached { fill: var(--ink); }
        .timeline-chart .reach-span { stroke: var(--muted); stroke-width: 1.5; stroke-dasharray: 2 2; }
        .timeline-chart .outcome-line { stroke: var(--ok); stroke-width: 1.5; stroke-dasharray: 6 4; }
        .timeline-chart .outcome-label { fill: var(--ok); font-size: 12px; font-weight: 600; }
        .legend {
          list-style: none; padding: 0; margin: .5rem 0 0; display: flex; flex-wrap: wrap; gap: .25rem 1.1rem;
          font-size: .82rem; color: var(--muted);
        }
        .legend li { display: flex; align-items: center; gap: .35rem; }
        .swatch { display: inline-block; width: 18px; height: 10px; border: 1px solid transparent; }
        .swatch.ontime { background: #3b7dbf; }
        .swatch.late { background: #d2372c; }
        .swatch.open { background: #a9c7e6; border: 1px dashed #3b7dbf; }
        .swatch.cancelled {
          background: repeating-linear-gradient(45deg, #e4e7ea 0 3px, #7b8590 3px 5px); border-color: #7b8590;
        }
        .swatch.due { width: 3px; height: 16px; background: #111; }
        .swatch.due-beyond {
          width: 0; height: 0; border: 6px solid transparent; border-left: 8px solid #111; border-right: 0;
        }
        .swatch.met, .swatch.missed { width: 11px; height: 11px; transform: rotate(45deg); margin: 0 3px; }
        .swatch.met { background: var(--ok); }
        .swatch.missed { background: #fff; border: 2px solid var(--bad); }
        .swatch.reached { width: 8px; height: 8px; border-radius: 50%; background: var(--ink); }
        .swatch.outcome { width: 18px; height: 0; border-top: 2px dashed var(--ok); }
        .timeline-chart .marker-line { stroke-width: 1.5; stroke-dasharray: 3 3; opacity: .75; }
        .timeline-chart .marker-shape { stroke: #fff; stroke-width: 1.5; }
        .timeline-chart .marker-number { font-size: 13px; font-weight: 700; }
        .timeline-chart .marker.severity .marker-shape { fill: #c2410c; }
        .timeline-chart .marker.severity .marker-line { stroke: #c2410c; }
        .timeline-chart .marker.handover .marker-shape { fill: #6d28d9; }
        .timeline-chart .marker.handover .marker-line { stroke: #6d28d9; }
        .timeline-chart .marker.escalation .marker-shape { fill: #b3261e; }
        .timeline-chart .marker.escalation .marker-line { stroke: #b3261e; }
        .marker-symbol { display: inline-block; width: 1.1em; text-align: center; font-weight: 700; }
        .marker-symbol.severity { color: #c2410c; }
        .marker-symbol.handover { color: #6d28d9; }
        .marker-symbol.escalation { color: #b3261e; }
        ol.chart-markers { list-style: none; margin: .4rem 0 0; padding: 0; font-size: .9rem; }
        ol.chart-markers li { margin: .15rem 0; }
        ol.chart-markers .marker-number { font-weight: 700; margin-right: .2rem; }
        ol.chart-markers .time { color: var(--muted); font-variant-numeric: tabular-nums; }

        .signature { break-inside: avoid; page-break-inside: avoid; }
        .signatures { padding-left: 1.2rem; }
        .unsigned { font-weight: 600; color: var(--warn); }
        table.sign-off { margin-top: 1rem; }
        table.sign-off th[scope=row] { width: 22%; font-weight: 600; }
        table.sign-off td.blank { height: 2.6rem; border-bottom: 1px solid var(--ink); vertical-align: bottom; }
        .integrity { margin-top: 2.5rem; font-size: .88rem; color: var(--muted); }
        .integrity h2 { color: var(--muted); border-bottom-color: var(--line); }
        .generated { font-style: italic; }

        @media screen and (max-width: 640px) {
          body { font-size: 14px; background: var(--paper); }
          main { padding: 16px 14px 28px; }
          h1 { font-size: 1.35rem; }
          h2 { margin-top: 1.8rem; }
          table.meta { width: 100%; min-width: 0; }
          table.meta th { padding-right: .6rem; white-space: normal; width: 34%; }
          table.stack thead, table.log thead {
            position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
          }
          table.stack, table.stack tbody, table.stack tr, table.stack td { display: block; width: 100%; }
          table.stack tr { border-bottom: 1px solid var(--line); padding: .45rem 0; }
          table.stack td {
            position: relative; border: 0; min-height: 1.7em; padding: .12rem 0 .12rem max(7.5em, 36%);
          }
          table.stack td::before {
            content: attr(data-label); position: absolute; left: 0; top: .2rem; width: calc(max(7.5em, 36%) - .5rem);
            color: var(--muted); font-weight: 600; font-size: .88em; overflow-wrap: normal;
          }
          table.stack td.empty { display: none; }
          table.stack td { overflow-wrap: anywhere; }
          table.stack td.time { white-space: normal; }
          table.stack td.title { min-width: 0; }
          table.log, table.log tbody { display: block; }
          table.log tr {
            display: grid; grid-template-columns: auto auto 1fr; gap: 0 .6rem; padding: .4rem 0;
            border-bottom: 1px solid var(--line);
          }
          table.log td { border: 0; padding: 0; }
          table.log td.abs { display: none; }
          table.log td.who { color: var(--muted); overflow-wrap: anywhere; }
          table.log td.event { grid-column: 1 / -1; }
          .chart-wrap { padding: 2px 0; }
          .figures { grid-template-columns: 1fr 1fr; }
          .timeline-chart .label { font-size: 15px; }
          .timeline-chart .tick, .timeline-chart .outcome-label { font-size: 14px; }
          .timeline-chart .marker-number { font-size: 16px; }
          .phone-only { display: block; }
        }

        @media print {
          @page { margin: 14mm 12mm; }
          html, body, main { background: none !important; }
          body { font-size: 10.5pt; color: #000; }
          main { max-width: none; margin: 0; padding: 0; }
          thead th, .tag { background: none !important; }
          thead { display: table-header-group; }
          tr, figure.chart, .legend { break-inside: avoid; page-break-inside: avoid; }
          h2, h3 { break-after: avoid; page-break-after: avoid; }
          section#timeline { break-before: page; page-break-before: always; }
          .chart-wrap { border: 0; padding: 0; }
          .drill-banner { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          thead th { white-space: normal; }
          .figure, table.sign-off { break-inside: avoid; page-break-inside: avoid; }
          h2 + *, h3 + * { break-before: avoid; page-break-before: avoid; }
          .swatch, .marker-symbol { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          .signature { break-inside: avoid; page-break-inside: avoid; break-before: auto; }
          .integrity { break-inside: avoid; page-break-inside: avoid; }
        }

        """
}
