import Foundation
import PlaybookLanguage
import Testing
@testable import Views

/// `muster graph`: in Chinese, nodes and edges name roles by their titles and say durations in Chinese; every kind
/// of outcome has its own colour; no playbook text can bring a directive into a Mermaid chart.
struct GraphRenderingTests {
    static func graph(_ language: Language, of playbook: Playbook = PaperKit.playbook) -> StepGraph {
        StepGraph(PlaybookOutline(playbook, language: language))
    }

    @Test func chineseNodesNameRolesByTitleAndSayDurationsInChinese() {
        let dot = GraphRenderingDOT(graph: Self.graph(.zh)).render()
        #expect(dot.contains(">现场负责人 · 5分钟<"))
        #expect(dot.contains(">技术经理 · 1小时<"))
        #expect(dot.contains(">总指挥 · 解决时限<"))
        #expect(dot.contains(">审批人 领导小组<"))
        #expect(dot.contains("label=\"组织修复（超时 30分钟）\""))
        #expect(dot.contains("label=\"驳回（超时 1小时）\""))
        let mermaid = GraphRenderingMermaid(graph: Self.graph(.zh)).render()
        #expect(mermaid.contains("<small>现场负责人 · 5分钟</small>"))
        #expect(mermaid.contains("|\"组织修复（超时 30分钟）\"|"))
        for english in ["on_site", "tech_lead", "leadership", "5m", "30m", "resolve", "1h"] {
            #expect(!dot.contains(">" + english + " ·") && !dot.contains(" " + english + "<"), "\(english) in the Chinese DOT")
            #expect(!dot.contains(" " + english + "）\""), "\(english) in an edge of the Chinese DOT")
            #expect(!mermaid.contains("<small>" + english), "\(english) in the Chinese Mermaid")
        }
    }

    @Test func englishNodesKeepTheAuthorsIDsAndDurations() {
        let dot = GraphRenderingDOT(graph: Self.graph(.en)).render()
        #expect(dot.contains(">on_site · 5m<"))
        #expect(dot.contains(">tech_lead · 1h<"))
        #expect(dot.contains(">commander · resolve<"))
        #expect(dot.contains(">approved by leadership<"))
        #expect(dot.contains("label=\"Repair it (expiry 30m)\""))
    }

    @Test func eachKindOfOutcomeHasItsOwnBorder() throws {
        let dot = GraphRenderingDOT(graph: Self.graph(.en)).render()
        var borders: [String: String] = [:]
        for outcome in ["resolved", "partly", "aborted"] {
            let line = try #require(dot.split(separator: "\n").first { $0.contains("\"outcome:\(outcome)\" [") })
            let colour = try #require(line.range(of: ", color=\""))
            borders[outcome] = String(line[colour.upperBound...].prefix(7))
        }
        #expect(borders == ["resolved": "#2e7d32", "partly": "#f9a825", "aborted": "#616161"])
    }

    @Test func aDirectiveInATitleDoesNotReachTheMermaidChart() throws {
        let text = PaperKit.text.replacingOccurrences(
            of: "title: { en: Paper kit, zh: 纸质演示 }",
            with: "title: { en: \"Kit %%{init: {'theme':'dark'}}%%\", zh: 纸质演示 }")
            .replacingOccurrences(of: "title: { en: Assess, zh: 研判 }",
                                  with: "title: { en: \"Assess %%{init: {'theme':'dark'}}%%\", zh: 研判 }")
        let playbook = try #require(PlaybookChecker.check(Array(text.utf8), file: "kit.yaml").playbook)
        let mermaid = GraphRenderingMermaid(graph: Self.graph(.en, of: playbook)).render()
        #expect(!mermaid.contains("%%{"))
        #expect(!mermaid.contains("}%%"))
        #expect(mermaid.contains("Kit #37;#37;{init"))
        #expect(mermaid.contains("Assess #37;#37;{init"))
    }
}
