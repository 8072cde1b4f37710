#if canImport(Glibc)
    import Glibc
#endif
import Hashing
import Journaling
import Platform
import PlaybookLanguage
import RunEngine

/// libFuzzer target: any bytes, as the `journal.jsonl` of a run whose pinned playbook is `pinnedPlaybookText`.
///
/// Each input is tried twice: as it is (the checksums and the chain catch nearly every change, which tests the
/// damage paths), and "re-chained": every line that ends like a journal line gets its `prev`, `sum` and the run
/// start's playbook `hash` recomputed, so that mutations reach the JSON parser, the event decoder and the engine.
/// Re-chaining is what anyone who can write the run directory can do: the chain detects accidents, not forgery.
///
/// For each: `Journal.read()`; the events folded into a `RunState`, timers advanced a week and a command tried
/// on the first active step (what `muster status` and the action commands do, without writing); then
/// `Journal.transact` appending one note (repairing a torn tail, or refusing damage); then `read()` again; then a
/// second write, checked against the head record the first one left. Never a trap, and the journal's contract
/// holds:
/// - a journal that reads is also writable;
/// - a refused write leaves the file byte for byte as it was;
/// - an accepted write keeps every committed line, adds the repair record (when a tail was torn) and the note,
///   and reads back clean;
/// - every line read decodes back to itself from its own encoding;
/// - a second write agrees with the head record the first left, and reads back with one more line.
///
/// With `FUZZ_JOURNAL_WRITE_RECHAINED=FILE` in the environment, the re-chained bytes of each input are written to
/// FILE (to turn a crash of the second pass into a regression input).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJournalTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    exercise(bytes)
    let rechained = Rechain.apply(bytes, playbook: fixture.playbookBytes)
    if let path = getenv("FUZZ_JOURNAL_WRITE_RECHAINED") {
        // For turning a crash into a regression file: the bytes the second pass wrote to journal.jsonl.
        let descriptor = open(String(cString: path), O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if descriptor >= 0 {
            _ = rechained.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            close(descriptor)
        }
    }
    if rechained != bytes { exercise(rechained) }
    return 0
}

/// The run directory and engine, made once per process.
private struct Fixture: Sendable {
    let playbookBytes: [UInt8]
    let engine: Engine
    let journal: Journal

    init() {
        // The fixture lives as long as the process. LeakSanitizer does not recognise Swift's pointers with enum tags
        // in their spare bits (the playbook's conditions hold such), so it would report what the fixture keeps as
        // leaked; allocations made while it is disabled are never reported.
        __lsan_disable()
        defer { __lsan_enable() }
        playbookBytes = Array(pinnedPlaybookText.utf8)
        let checked = PlaybookChecker.check(playbookBytes, file: "playbook.yaml")
        guard let playbook = checked.playbook else {
            fatalError("the pinned playbook no longer checks; regenerate PinnedPlaybook.swift and the journal corpus: "
                + checked.diagnostics.map(\.message).joined(separator: "; "))
        }
        engine = Engine(playbook: playbook)
        let base = (getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp") + "/muster-fuzz-journal-XXXXXX"
        var template = Array(base.utf8CString)
        guard let made = mkdtemp(&template) else { fatalError("mkdtemp failed: errno \(errno)") }
        let directory = String(cString: made) + "/run"
        let files = UnsyncedFiles()
        do {
            try Journal.create(directory: directory, playbook: playbookBytes, events: [], files: files)
        } catch {
            fatalError("could not create the run directory: \(error)")
        }
        journal = Journal(directory: directory, files: files)
        atexit {
            // Best effort: leave no run directories behind in the temporary directory.
            let directory = fixture.journal.directory
            unlink(directory + "/journal.jsonl")
            unlink(directory + "/journal.head")
            unlink(directory + "/journal.head.tmp")
            unlink(directory + "/playbook.yaml")
            rmdir(directory)
            rmdir(String(directory.dropLast(4)))
        }
    }
}

private let fixture = Fixture()

/// One input through read, engine, write and read again, with the journal's contract checked.
private func exercise(_ bytes: [UInt8]) {
    replaceJournal(with: bytes)
    // Each input starts without a head record; the write below leaves one, which the last step checks against.
    unlink(fixture.journal.headRecordPath)

    var before: (contents: Journal.Contents, tornBytes: Int)?
    do {
        before = try fixture.journal.read()
    } catch {
        checkExpected(error, "read")
    }
    if let before {
        for line in before.contents.lines {
            let encoded = line.encoded()
            guard let again = try? JournalLine.decode(encoded[...]), again == line else {
                fatalError("line \(line.seq) does not decode back from its own encoding: "
                    + String(decoding: encoded, as: UTF8.self))
            }
        }
        runEngine(on: before.contents.events)
    }

    let note = Event(at: 0, actor: .person("fuzz", role: nil), kind: .note(text: "fuzz", section: nil))
    var appended: Event?
    do {
        try fixture.journal.transact { contents in
            let at = contents.lines.last?.event.at ?? 0
            var event = note
            event.at = at
            appended = event
            return [event]
        }
    } catch {
        checkExpected(error, "transact")
        if before != nil { fatalError("the journal reads but a write refuses it: \(error)") }
        if currentJournal() != bytes { fatalError("a refused write changed the journal: \(error)") }
        return
    }

    let after: (contents: Journal.Contents, tornBytes: Int)
    do {
        after = try fixture.journal.read()
    } catch {
        fatalError("the journal does not read back after a write: \(error)")
    }
    guard after.tornBytes == 0 else { fatalError("\(after.tornBytes) torn bytes right after a write") }
    guard after.contents.events.last == appended else { fatalError("the note is not the last event") }
    if let before {
        let kept = before.contents.lines.count
        let added = before.tornBytes > 0 ? 2 : 1
        guard after.contents.lines.count == kept + added,
            Array(after.contents.lines.prefix(kept)) == before.contents.lines
        else {
            fatalError("a write did not keep the committed lines (\(kept) before, \(after.contents.lines.count) after)")
        }
        if before.tornBytes > 0 {
            guard case .journalRepaired(let cut) = after.contents.lines[kept].event.kind, cut == before.tornBytes else {
                fatalError("a torn tail of \(before.tornBytes) bytes was not journaled as repaired")
            }
        }
    }

    // A second write, under the head record the write above left: it agrees, and the journal reads back with one
    // more line and the state that folding every line gives.
    do {
        let written = try fixture.journal.transact { contents in
            guard contents.lines == after.contents.lines else { fatalError("a second write sees other lines") }
            var event = note
            event.at = after.contents.lines.last?.event.at ?? 0
            return [event]
        }
        let again = try fixture.journal.read()
        guard again.tornBytes == 0, again.contents.lines.count == after.contents.lines.count + 1,
            again.contents.head == written.head
        else { fatalError("a second write does not read back as written") }
    } catch {
        fatalError("a second write failed on a journal that reads: \(error)")
    }
}

/// Folds the events, fires the timers due within a week, and tries acknowledging and finishing the first active
/// step as its owner: the engine must cope with whatever a journal says happened.
private func runEngine(on events: [Event]) {
    var state = RunState.fold(events)
    let week: Int64 = 7 * 24 * 3_600_000
    let now = state.lastEventAt <= Int64.max - week ? state.lastEventAt + week : state.lastEventAt
    for event in fixture.engine.advance(state, to: now) { state.apply(event) }
    _ = fixture.engine.nextDue(state)
    guard let step = state.activeOrder.first else { return }
    let person = state.active[step]?.owner.flatMap { state.holders[$0] } ?? "fuzz"
    for kind in [Command.Kind.acknowledge(step: step), .done(step: step, items: [])] {
        let command = Command(person: person, kind: kind)
        if case .success(let produced) = fixture.engine.handle(command, state: state, at: now) {
            for event in produced { state.apply(event) }
        }
    }
}

/// Only the journal's own errors are expected: damage, never an I/O error or anything else.
private func checkExpected(_ error: any Error, _ operation: String) {
    guard let error = error as? JournalError, case .damaged = error else {
        fatalError("\(operation) failed with an unexpected error: \(error)")
    }
}

private func replaceJournal(with bytes: [UInt8]) {
    let descriptor = open(fixture.journal.journalPath, O_WRONLY | O_TRUNC)
    guard descriptor >= 0 else { fatalError("cannot open the journal: errno \(errno)") }
    defer { close(descriptor) }
    var rest = bytes[...]
    while !rest.isEmpty {
        let written = rest.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written > 0 else { fatalError("cannot write the journal: errno \(errno)") }
        rest = rest.dropFirst(written)
    }
}

private func currentJournal() -> [UInt8] {
    let descriptor = open(fixture.journal.journalPath, O_RDONLY)
    guard descriptor >= 0 else { fatalError("cannot open the journal: errno \(errno)") }
    defer { close(descriptor) }
    return (try? SystemFiles().read(descriptor, count: SystemFiles().size(descriptor))) ?? []
}

/// The system's files without fsync: durability is not under test here, and an fsync per input would make the
/// fuzzer a hundred times slower.
private struct UnsyncedFiles: FileOperations {
    let system = SystemFiles()
    func open(_ path: String, flags: Int32, mode: UInt32) throws(FileError) -> Int32 {
        try system.open(path, flags: flags, mode: mode)
    }
    func read(_ descriptor: Int32, count: Int) throws(FileError) -> [UInt8] {
        try system.read(descriptor, count: count)
    }
    func write(_ descriptor: Int32, _ bytes: ArraySlice<UInt8>) throws(FileError) -> Int {
        try system.write(descriptor, bytes)
    }
    func fsync(_ descriptor: Int32) throws(FileError) {}
    func truncate(_ descriptor: Int32, to length: Int) throws(FileError) { try system.truncate(descriptor, to: length) }
    func size(_ descriptor: Int32) throws(FileError) -> Int { try system.size(descriptor) }
    func lock(_ descriptor: Int32, shared: Bool) throws(FileError) { try system.lock(descriptor, shared: shared) }
    func unlock(_ descriptor: Int32) { system.unlock(descriptor) }
    func close(_ descriptor: Int32) { system.close(descriptor) }
    func makeDirectory(_ path: String, mode: UInt32) throws(FileError) { try system.makeDirectory(path, mode: mode) }
    func setMode(_ descriptor: Int32, _ mode: UInt32) throws(FileError) { try system.setMode(descriptor, mode) }
    func rename(_ path: String, to newPath: String) throws(FileError) { try system.rename(path, to: newPath) }
    func link(_ path: String, to newPath: String) throws(FileError) { try system.link(path, to: newPath) }
    func unlink(_ path: String) { system.unlink(path) }
    func removeDirectory(_ path: String) { system.removeDirectory(path) }
    func syncDirectory(_ path: String) throws(FileError) {}
}

@_silgen_name("__lsan_disable")
private func __lsan_disable()

@_silgen_name("__lsan_enable")
private func __lsan_enable()

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// The entry point SwiftPM gives this executable (`main` belongs to libFuzzer): hands over to libFuzzer's driver.
@_cdecl("fuzz_journal_main")
public func fuzzJournalMain(
    _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzzJournalTestOneInput)
}
