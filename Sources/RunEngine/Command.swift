/// Something a person asks of a run.
public struct Command: Sendable, Hashable {
    /// What is asked.
    public enum Kind: Sendable, Hashable {
        case acknowledge(step: String)
        case progress(step: String, note: String?)
        /// Ticks checklist items, all or (one refused) none.
        case checkItems(step: String, items: [String])
        case done(step: String, items: [String])
        case record(fact: String, value: String)
        /// Corrects a fact recorded earlier, with the reason (allowed after the outcome too).
        case correct(fact: String, value: String, why: String)
        case decide(step: String, option: String, why: String?)
        case approve(step: String, why: String?)
        case deny(step: String, why: String?)
        case note(String, section: String? = nil)
        case join(role: String)
        case handover(role: String, to: String)
        case grade(level: String, why: String?)
        case regrade(level: String, why: String)
        case signal(String)
        case abort(why: String)
        case signoff
        /// Gives or corrects the incident's title (what happened, where).
        case retitle(String)
        /// The person confirms a notification reached them (a page acknowledged).
        case received(notification: String)
        /// Starts an at-any-time chain of steps (`at_any_time:`), such as an emergency shutdown.
        case raise(chain: String, why: String?)
        /// Releases a standing instruction.
        case release(instruction: String, why: String?)

        /// The command's name on the command line, for messages and the journal.
        public var name: String {
            switch self {
            case .acknowledge: "ack"
            case .progress: "progress"
            case .checkItems: "check"
            case .done: "done"
            case .record: "record"
            case .correct: "correct"
            case .decide: "decide"
            case .approve: "approve"
            case .deny: "deny"
            case .note: "note"
            case .join: "join"
            case .handover: "handover"
            case .grade: "grade"
            case .regrade: "regrade"
            case .signal: "signal"
            case .abort: "abort"
            case .signoff: "signoff"
            case .retitle: "title"
            case .received: "received"
            case .raise: "raise"
            case .release: "release"
            }
        }

        /// The step the command is about, if any.
        public var step: String? {
            switch self {
            case .acknowledge(let step), .progress(let step, _), .checkItems(let step, _), .done(let step, _),
                .decide(let step, _, _), .approve(let step, _), .deny(let step, _):
                step
            default:
                nil
            }
        }
    }

    /// Who asks.
    public var person: String
    /// What is asked.
    public var kind: Kind
    /// The sequence number the person last saw; the command is refused as stale if what it acts on changed
    /// after it.
    public var expectSeq: Int?
    /// Who is typing the command for `person`, when someone records an action reported to them (by phone): the
    /// command is judged as `person`'s, and every event it produces names the recorder beside the doer.
    public var recordedBy: String?

    /// Creates a command.
    public init(person: String, kind: Kind, expectSeq: Int? = nil, recordedBy: String? = nil) {
        self.person = person
        self.kind = kind
        self.expectSeq = expectSeq
        self.recordedBy = recordedBy
    }
}
