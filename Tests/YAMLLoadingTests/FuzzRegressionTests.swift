import Diagnostics
import Foundation
import Testing
import YAMLLoading

/// Every input in `Tests/Fuzz/Regressions/loader/` (what the `fuzz-loader` target of `Tests/Fuzz` found crashing,
/// hanging or exhausting memory, minimised; and hostile inputs kept beside them) loads without a trap, within the
/// limits, in bounded time.
///
/// A file's name says what else is expected of it: `*.error.yaml` must be rejected with at least one error, and
/// `*.ok.yaml` must load without one. Every diagnostic carries a 1-based location. `*.pending.yaml` still crash:
/// their fixes are not in yet, so they are skipped (a crash would take the whole test process down); drop
/// `.pending` from a name once its fix is in.
struct FuzzRegressionTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/Regressions/loader")

    static let all: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted()
    }()
    static let inputs = all.filter { !$0.contains(".pending.") }
    static let pending = all.filter { $0.contains(".pending.") }

    @Test func theRegressionInputsAreThere() {
        #expect(!Self.inputs.isEmpty, "no inputs in \(Self.directory.path)")
    }

    @Test(.timeLimit(.minutes(1)), arguments: inputs)
    func loadsWithoutCrashing(_ name: String) throws {
        try load(name)
    }

    @Test(.disabled("these inputs still crash; see Tests/Fuzz/README.md"), arguments: pending)
    func pendingInputsLoadWithoutCrashing(_ name: String) throws {
        try load(name)
    }

    func load(_ name: String) throws {
        let bytes = try [UInt8](Data(contentsOf: Self.directory.appendingPathComponent(name)))
        for limits in [LoadLimits(), LoadLimits(maxFileBytes: 4096, maxDepth: 8, maxAliasExpansion: 64)] {
            let loaded = YAMLLoader.load(bytes, file: name, limits: limits)
            for diagnostic in loaded.diagnostics {
                for location in [diagnostic.location] + diagnostic.notes.map(\.location) {
                    guard let location else { continue }
                    #expect(location.line >= 1 && location.column >= 1, "\(diagnostic.id) at \(location)")
                }
            }
            if limits == LoadLimits() {
                if name.hasSuffix(".error.yaml") {
                    #expect(loaded.diagnostics.containsErrors, "\(name) should be rejected")
                }
                if name.hasSuffix(".ok.yaml") {
                    #expect(!loaded.diagnostics.containsErrors, "\(loaded.diagnostics.map(\.message))")
                    #expect(loaded.root != nil)
                }
            }
            // Rendering quotes the file under each diagnostic: it must cope with any location the loader gives.
            _ = TextRenderer().render(loaded.diagnostics, sources: [name: SourceText(bytes: bytes)])
        }
    }
}
