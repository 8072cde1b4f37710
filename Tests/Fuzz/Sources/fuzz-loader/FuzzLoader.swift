import Diagnostics
import PlaybookLanguage
import YAMLLoading

/// libFuzzer target: any bytes, as a playbook file, a contact directory and a drill scenario (the last two only
/// when the bytes name one of their keys), and as a playbook's compact form.
///
/// Whatever the bytes, loading and checking must return (no trap, no sanitizer report, no hang, no runaway
/// memory), every diagnostic must carry a 1-based location, and rendering the diagnostics with the file quoted
/// under them (what `muster check` prints) must not trap either.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLoaderTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let file = "fuzz.yaml"

    let loaded = YAMLLoader.load(bytes, file: file)
    checkLocations(loaded.diagnostics)
    if loaded.root != nil, loaded.nodeCount == 0 { fatalError("a root node but no node counted") }

    // A small budget, so that the limits' own error paths are exercised on small inputs too.
    let tight = LoadLimits(maxFileBytes: 4096, maxDepth: 8, maxAliasExpansion: 64, maxEncodingDiagnostics: 2)
    checkLocations(YAMLLoader.load(bytes, file: file, limits: tight).diagnostics)

    let checked = PlaybookChecker.check(bytes, file: file)
    checkLocations(checked.diagnostics)
    if checked.playbook != nil, checked.diagnostics.containsErrors { fatalError("a playbook despite errors") }
    if checked.playbook == nil, !checked.diagnostics.containsErrors { fatalError("no playbook and no error") }
    // Each check loads the file again: only try the contact directory and the scenario decoders on inputs that
    // look like one (the fuzzer learns these words from the seeds), to keep the executions per second up.
    var all = checked.diagnostics
    if bytes.contains(words: "contacts", "people") {
        let contacts = ContactDirectory.check(bytes, file: file)
        checkLocations(contacts.diagnostics)
        all += contacts.diagnostics
    }
    if ScenarioChecker.isScenario(bytes) || bytes.contains(words: "drill", "injects") {
        let scenario = ScenarioChecker.check(bytes, file: file) { id in
            id == checked.playbook?.id ? checked.playbook : nil
        }
        checkLocations(scenario.diagnostics)
        all += scenario.diagnostics
    }
    _ = TextRenderer().render(all.sortedForOutput(), sources: [file: SourceText(bytes: bytes)])
    _ = JSONReport.render(all, files: [file])
    return 0
}

extension [UInt8] {
    /// Whether any of `words` occurs in the bytes (a plain scan: the generic `firstRange(of:)` took a tenth of the
    /// fuzzer's time).
    fileprivate func contains(words: String...) -> Bool {
        withUnsafeBufferPointer { bytes in
            words.contains { word in
                let needle = Array(word.utf8)
                guard let first = needle.first, bytes.count >= needle.count else { return false }
                var index = 0
                while index <= bytes.count - needle.count {
                    if bytes[index] == first {
                        var matched = 1
                        while matched < needle.count, bytes[index + matched] == needle[matched] { matched += 1 }
                        if matched == needle.count { return true }
                    }
                    index += 1
                }
                return false
            }
        }
    }
}

/// Traps when a diagnostic or one of its notes has a location that is not 1-based.
private func checkLocations(_ diagnostics: [Diagnostic]) {
    for diagnostic in diagnostics {
        let locations = [diagnostic.location] + diagnostic.notes.map(\.location)
        for case let location? in locations where location.line < 1 || location.column < 1 {
            fatalError("diagnostic '\(diagnostic.id)' at \(location): not a 1-based location")
        }
    }
}

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// The entry point SwiftPM gives this executable (`main` belongs to libFuzzer): hands over to libFuzzer's driver.
@_cdecl("fuzz_loader_main")
public func fuzzLoaderMain(
    _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzzLoaderTestOneInput)
}
