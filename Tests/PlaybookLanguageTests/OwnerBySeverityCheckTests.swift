import Diagnostics
import PlaybookLanguage
import Testing

/// `check` on owners by severity: levels and roles that exist, a role for every level.
struct OwnerBySeverityCheckTests {
    static func check(_ owner: String) -> [Diagnostic] {
        let yaml = """
            muster: 1
            id: o
            version: 1.0.0
            title: { en: O, zh: O }
            roles:
              commander: { title: { en: Commander, zh: 指挥 } }
              on_site: { title: { en: On site, zh: 现场 } }
            severity:
              fatal: { title: { en: Fatal, zh: 致命 } }
              general: { title: { en: General, zh: 一般 } }
            start: a
            steps:
              a:
                title: { en: A, zh: A }
                owner: \(owner)
                next: outcome.done
            outcomes:
              done: { kind: success, title: { en: Done, zh: 完成 } }
            """
        return PlaybookChecker.check(Array(yaml.utf8), file: "o.yaml").diagnostics
    }

    @Test func aWellFormedOwnerBySeverityPasses() {
        #expect(Self.check("{ fatal: commander, general: on_site }").isEmpty)
        #expect(Self.check("{ fatal: commander, default: on_site }").isEmpty)
    }

    @Test func aMisspelledLevelIsNamedWithDidYouMean() throws {
        let diagnostics = Self.check("{ fatl: commander, default: on_site }")
        let error = try #require(diagnostics.first { $0.id == LanguageRules.undefinedValue.id })
        #expect(error.message.contains("'fatl'"))
        #expect(error.message.contains("did you mean 'fatal'?"))
        #expect(error.location?.line == 15)
    }

    @Test func aMisspelledRoleIsNamedWithDidYouMean() throws {
        let diagnostics = Self.check("{ fatal: comander, default: on_site }")
        let error = try #require(diagnostics.first { $0.id == LanguageRules.undefinedRole.id })
        #expect(error.message.contains("did you mean 'commander'?"))
    }

    @Test func aLevelWithoutAnOwnerAndNoDefaultIsAnError() throws {
        let diagnostics = Self.check("{ fatal: commander }")
        let error = try #require(diagnostics.first { $0.id == LanguageRules.missingOwner.id })
        #expect(error.message.contains("'general'"))
        #expect(error.hint?.contains("default") == true)
    }
}
