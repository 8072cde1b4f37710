public import PlaybookLanguage

extension Scenario.Kind {
    /// What people call a drill of this kind, in English and Chinese: `full live drill` / `全面实战演练`.
    public var title: LocalizedText {
        switch self {
        case .tabletop: LocalizedText(english: "tabletop exercise", chinese: "桌面推演")
        case .live: LocalizedText(english: "full live drill", chinese: "全面实战演练")
        case .unscripted: LocalizedText(english: "unscripted live drill", chinese: "无脚本实战演练")
        case .attackDefence: LocalizedText(english: "attack-and-defence exercise", chinese: "攻防演练")
        case .restore: LocalizedText(english: "restore practice", chinese: "备份恢复演练")
        }
    }
}
