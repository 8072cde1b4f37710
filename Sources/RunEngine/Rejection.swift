/// Why a command was refused: a code naming the rule the command met, and the parameters that rule names
/// (steps, roles, facts, people, the lists to choose from, a close spelling).
///
/// The engine says no prose: it refuses with a code and its parameters, the journal keeps them as they are
/// (`command.rejected` with `code` and `parameters`), and the views (`RefusalWords` in Reporting) turn them into
/// English or Chinese. A parameter is an id, a person's name, a number or a list of ids, never a sentence.
public struct Rejection: Error, Sendable, Hashable {
    /// What a refusal's parameter holds: a text (an id, a name), a list of ids, or a number.
    public enum Value: Sendable, Hashable {
        case text(String)
        case list([String])
        case number(Int)
    }

    /// The rule the command met; its raw value is what the journal records.
    public let code: Code
    /// The facts the refusal names, by parameter name (`step`, `role`, `person`, `suggestion`, `active`, …).
    public let parameters: [String: Value]

    /// Creates a refusal with `code`, naming `parameters`; a `nil` parameter is left out.
    public init(_ code: Code, _ parameters: [String: Value?] = [:]) {
        self.code = code
        self.parameters = parameters.compactMapValues { $0 }
    }

    /// The short machine-readable class of the refusal: `wrong-role`, `not-active`, `stale`, `invalid`,
    /// `finished`, `closed` or `separation-of-duties`.
    public var reason: String { code.reason }

    /// The text parameter `name` (a number is given as its digits), if any.
    public func text(_ name: String) -> String? {
        switch parameters[name] {
        case .text(let text): text
        case .number(let number): String(number)
        case .list, nil: nil
        }
    }

    /// The list parameter `name`; empty when absent.
    public func list(_ name: String) -> [String] {
        if case .list(let list) = parameters[name] { return list }
        return []
    }

    /// The number parameter `name`, if any.
    public func number(_ name: String) -> Int? {
        if case .number(let number) = parameters[name] { return number }
        return nil
    }
}

extension Rejection: CustomStringConvertible {
    /// The code and its parameters, for logs and test failures (not for people: `RefusalWords` says it for them).
    public var description: String {
        let named = parameters.keys.sorted().map { key -> String in
            switch parameters[key]! {
            case .text(let text): "\(key)=\(text)"
            case .number(let number): "\(key)=\(number)"
            case .list(let list): "\(key)=[\(list.joined(separator: ","))]"
            }
        }
        return ([code.rawValue] + named).joined(separator: " ")
    }
}
