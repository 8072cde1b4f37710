/// One failing file operation under a run's journal, for tests: what a full disk, a short write, a failed fsync or
/// an unwritable directory do to a run. `FaultyFiles` injects it.
///
/// Its text is `OPERATION:FAULT` or `OPERATION:FAULT@N`:
///
/// - `write:ENOSPC`, `write:EIO`: the N-th write to `journal.jsonl` fails with that error.
/// - `write:short`: the N-th write to `journal.jsonl` writes only half its bytes, and the next write (of the rest)
///   fails with ENOSPC: a disk that fills up in the middle of a write.
/// - `fsync:EIO`, `fsync:ENOSPC`: the N-th fsync of `journal.jsonl` fails.
/// - `mkdir:EACCES`: creating the N-th run directory fails: a runs directory that cannot be written.
/// - `open:EACCES`: the N-th opening of a run's file for writing fails (when a run is created, 1 is
///   `playbook.yaml` and 2 is `journal.jsonl`; every write opens `journal.jsonl`).
///
/// Any operation also takes `ENOSPC`, `EIO`, `EACCES` or `EROFS`. N counts from 1 (the default) and the fault
/// happens once. The head record (`journal.head`), whose failures are ignored by design, and reads are never
/// touched. The errors are the system's own, so a fault is reported exactly as a real one.
public struct InjectedFault: Sendable, Equatable {
    /// The kinds of file operation a fault can strike.
    public enum Operation: String, Sendable {
        case write, fsync, mkdir, open
    }

    /// Which operation fails.
    public var operation: Operation
    /// The error number it fails with; `nil` for a short write.
    public var error: Int32?
    /// Which occurrence of the operation fails, counted from 1.
    public var occurrence: Int

    /// The form of a fault's text, with examples, for a message about a mistyped one.
    public static let syntax = "OPERATION:FAULT[@N] (write:ENOSPC, write:short, fsync:EIO, mkdir:EACCES, open:EACCES, ...)"

    /// The error names a fault takes.
    static let errors: [String: Int32] = [
        "ENOSPC": ErrorCode.noSpace, "EIO": ErrorCode.io, "EACCES": ErrorCode.accessDenied,
        "EROFS": ErrorCode.readOnlyFileSystem,
    ]

    /// The fault `text` names (see the type's description), or `nil` if it names none.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let operation = Operation(rawValue: String(parts[0])) else { return nil }
        let fault = parts[1].split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
        var occurrence = 1
        if fault.count == 2 {
            guard let number = Int(fault[1]), number >= 1 else { return nil }
            occurrence = number
        }
        if fault[0] == "short", operation == .write {
            error = nil
        } else if let code = Self.errors[String(fault[0])] {
            error = code
        } else {
            return nil
        }
        self.operation = operation
        self.occurrence = occurrence
    }
}
