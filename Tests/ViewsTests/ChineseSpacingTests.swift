import Testing
@testable import Views

/// The spaces YAML's folding leaves between two Chinese sentences go; every other space stays.
struct ChineseSpacingTests {
    @Test(arguments: [
        ("查明漏水来源。 空调漏水时", "查明漏水来源。空调漏水时"),
        ("处理空调 并清除积水", "处理空调并清除积水"),
        ("（一级） 二级", "（一级）二级"),
        ("报告“漏水” 立即", "报告“漏水”立即"),
        ("启动 UPS 电源", "启动 UPS 电源"),
        ("等待 10分钟", "等待 10分钟"),
        ("两个  空格", "两个  空格"),
        ("Report the leak. Then wait.", "Report the leak. Then wait."),
        (" 开头和结尾 ", " 开头和结尾 "),
        ("", ""),
    ])
    func foldedSpacesBetweenChineseGo(_ folded: String, _ shown: String) {
        #expect(ChineseSpacing.closingFoldedSpaces(folded) == shown)
    }

    @Test func theOutlineShowsChineseTextWithoutThem() {
        let chinese = PlaybookOutline(PaperKit.playbook, language: .zh)
        let report = chinese.step("report")?.instructions
        #expect(chinese.text(report) == "查明漏水来源。空调漏水时处理空调。")
        // English is shown as written.
        let english = PlaybookOutline(PaperKit.playbook, language: .en)
        #expect(english.text(report).hasPrefix("Copy the log to \\\\fileserver\\"))
    }
}
