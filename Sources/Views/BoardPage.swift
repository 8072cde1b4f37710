import PlaybookLanguage
import Reporting

/// What every page of the HTML board shares: one self-contained document (no scripts, no external assets, no web
/// fonts), a style sheet that reads on a 375 px phone without sideways scrolling, a refresh hint that works without
/// JavaScript, and the time the page was written.
///
/// Every text that comes from a playbook, a person or a run goes through `escape` (the reports' own escaping).
enum BoardPage {
    /// How often a browser reloads a page, in seconds (`<meta http-equiv="refresh">`); a watcher rewrites the
    /// files on every change and at least every minute.
    static let refreshSeconds = 30

    /// Escapes text for HTML content and attribute values.
    static func escape(_ text: String) -> String { HTMLReport.escape(text) }

    /// A whole document: `title`, the `body` HTML (already escaped), and the footer saying when it was written.
    static func document(title: String, language: Language, writtenAt: Int64, times: LocalTimes, body: String)
        -> String
    {
        let zh = language == .zh
        let written = zh
            ? "写于 \(times.instant(writtenAt))。运行中的 watch 每次变化时、且至少每分钟重写本页；浏览器每 \(refreshSeconds) 秒重新载入。"
                + "若写入时间早于两分钟前，说明 watch 已停止，本页内容可能已过时。"
            : "Written at \(times.instant(writtenAt)). A running watch rewrites this page on every change and at least "
                + "every minute; your browser reloads it every \(refreshSeconds) s. If it was written more than two "
                + "minutes ago, the watch has stopped and this page may be out of date."
        return """
            <!DOCTYPE html>
            <html lang="\(zh ? "zh-Hans" : "en")">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="refresh" content="\(refreshSeconds)">
            <meta name="robots" content="noindex, nofollow">
            <title>\(escape(title))</title>
            <style>
            \(css)
            </style>
            </head>
            <body>
            <main>
            \(body)<footer><p class="written">\(escape(written))</p></footer>
            </main>
            </body>
            </html>

            """
    }

    /// A section with a heading.
    static func section(_ heading: String, _ content: String, cssClass: String) -> String {
        let capitalised = heading.prefix(1).uppercased() + heading.dropFirst()
        return "<section class=\"\(cssClass)\"><h2>\(escape(capitalised))</h2>\n\(content)</section>\n"
    }

    /// A line saying there is nothing.
    static func none(_ text: String) -> String { "<p class=\"none\">\(escape(text))</p>\n" }

    /// "due in 4m" / "overdue by 2m" (in Chinese "剩余 4分钟" / "逾期 2分钟") with its class, and the due instant
    /// as a local time.
    static func due(_ dueAt: Int64, now: Int64, label: Labels, times: LocalTimes) -> String {
        let span = { TimeText.span($0, language: label.language) }
        let left = dueAt >= now ? "\(label("due in")) \(span(dueAt - now))"
            : "\(label("overdue by")) \(span(now - dueAt))"
        return "<span class=\"left\(dueAt >= now ? "" : " overdue")\">\(escape(left))</span> "
            + "<span class=\"at\">(\(escape(label("due at"))) <time>\(escape(times.instant(dueAt)))</time>)</span>"
    }

    /// A person's page's file name, safe whatever the name holds: letters, digits, `-` and `_` as they are, every
    /// other byte as `~XX` (hex), so that no name leads out of the directory or collides with another.
    static func personFile(_ person: String, language: Language) -> String {
        var name = ""
        for byte in person.utf8 {
            switch byte {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x5F: name.append(Character(Unicode.Scalar(byte)))
            default:
                let hex = Array("0123456789ABCDEF")
                name += "~" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0xF)])
            }
        }
        return "person-" + name + (language == .zh ? ".zh.html" : ".html")
    }

    /// The page of `language` for a page whose English file is `english` (`index.html` → `index.zh.html`).
    static func file(_ english: String, language: Language) -> String {
        guard language == .zh, english.hasSuffix(".html") else { return english }
        return String(english.dropLast(5)) + ".zh.html"
    }

    /// The link to the same page in the other language.
    static func languageLink(_ english: String, language: Language) -> String {
        language == .zh ? "<a href=\"\(escape(english))\" hreflang=\"en\" lang=\"en\">English</a>"
            : "<a href=\"\(escape(file(english, language: .zh)))\" hreflang=\"zh-Hans\" lang=\"zh-Hans\">中文</a>"
    }

    static let css = """
        :root { --ink: #1b1f24; --muted: #5b6570; --line: #d4dae0; --soft: #f3f5f7; --paper: #fff;
          --accent: #1f5f99; --ok: #24723a; --bad: #b3261e; --warn: #8a5a00; color-scheme: light; }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
        body { margin: 0; background: var(--soft); color: var(--ink);
          font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial,
            "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; }
        main { max-width: 60rem; margin: 0 auto; padding: 1rem; background: var(--paper); overflow-wrap: anywhere; }
        nav { display: flex; flex-wrap: wrap; gap: .4rem 1rem; font-size: .9rem; margin-bottom: .5rem; }
        a { color: var(--accent); }
        h1 { font-size: 1.35rem; line-height: 1.3; margin: .2rem 0 .6rem; }
        h2 { font-size: 1.05rem; margin: 1.4rem 0 .5rem; padding-bottom: .2rem; border-bottom: 2px solid var(--accent);
          color: var(--accent); }
        p { margin: .4rem 0; }
        ul.cards { list-style: none; margin: 0; padding: 0; }
        ul.cards > li { border: 1px solid var(--line); border-left: 4px solid var(--accent); border-radius: 4px;
          padding: .5rem .7rem; margin: 0 0 .6rem; }
        ul.cards > li.overdue, ul.cards > li.failed, ul.cards > li.missed { border-left-color: var(--bad); }
        ul.cards > li.done, ul.cards > li.sent, ul.cards > li.met { border-left-color: var(--ok); }
        .title { font-weight: 600; }
        .id, .meta { color: var(--muted); font-size: .85rem; }
        .id { font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
        .owner, .left { font-weight: 600; }
        .overdue, .bad { color: var(--bad); }
        .warn { color: var(--warn); font-weight: 600; }
        .ok { color: var(--ok); }
        .badge { display: inline-block; padding: 0 .45rem; border-radius: 3px; background: var(--soft);
          border: 1px solid var(--line); font-size: .85rem; }
        .badge.severity { background: #fdecea; border-color: #f3b8b3; color: var(--bad); font-weight: 600; }
        .badge.closed { background: #e8f3ea; border-color: #b6d9bd; color: var(--ok); }
        .none { color: var(--muted); font-style: italic; }
        ol.events { padding-left: 0; list-style: none; font-size: .9rem; }
        ol.events li { padding: .25rem 0; border-bottom: 1px solid var(--line); }
        time { white-space: nowrap; }
        footer { margin-top: 1.5rem; color: var(--muted); font-size: .85rem; }
        @media (min-width: 40rem) { main { padding: 1.5rem 2rem; } h1 { font-size: 1.6rem; } }
        """
}
