/// A language Muster speaks to people in: the playbooks' texts and everything shown around them.
public enum Language: String, CaseIterable, Sendable {
    /// English, the default.
    case en
    /// Chinese (simplified).
    case zh
}
