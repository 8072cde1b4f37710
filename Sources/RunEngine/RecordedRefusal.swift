/// A refusal as a journal line keeps it: a code with its parameters, or, on lines written before refusals had
/// codes, the words of the time (the English `reason`, led by its class, and the Chinese `reason_zh` when
/// written). Old lines decode to `prose` and encode back to the same bytes.
public enum RecordedRefusal: Sendable, Hashable {
    /// A refusal the engine made, as its code and parameters.
    case coded(Rejection)
    /// A refusal written in words: `reason` in English (the record), `chinese` beside it when it was written.
    case prose(reason: String, chinese: String?)
}
