import Diagnostics
import PlaybookLanguage
import Testing

/// Text people read cannot carry characters that change how it shows: control characters that rewrite a
/// terminal, and bidirectional controls that make `gnp.exe` read as `exe.png`. Tabs and newlines are text.
struct ControlInTextTests {
    static func playbook(title: String) -> String {
        """
        muster: 1
        id: texts
        version: 1.0.0
        title: { en: "\(title)", zh: 文本 }
        roles:
          commander: { title: { en: Commander, zh: 总指挥 } }
        severity:
          general: { title: { en: General, zh: 一般 } }
        start: act
        steps:
          act: { title: { en: Act, zh: 行动 }, owner: commander, done_within: 5m, next: outcome.done }
        outcomes:
          done: { kind: success, title: { en: Done, zh: 完成 } }
        """
    }

    @Test(arguments: [
        ("exe\\u202Egnp.png", "a bidirectional control (U+202E)"), ("a\\x9bb", "a control character (U+009B)"),
        ("a\\x7fb", "a control character (U+007F)"), ("a\\eb", "a control character (U+001B)"),
    ])
    func aControlInATextIsAnError(_ title: String, _ words: String) {
        let found = PlaybookChecker.check(Array(Self.playbook(title: title).utf8), file: "t.yaml").diagnostics
        #expect(found.contains { $0.id == "control-in-text" && $0.message.contains(words) }, "\(found)")
    }

    @Test func tabsAndNewlinesAreText() {
        let found = PlaybookChecker.check(Array(Self.playbook(title: "a\\tb\\nc").utf8), file: "t.yaml").diagnostics
        #expect(!found.contains { $0.id == "control-in-text" }, "\(found)")
    }
}
