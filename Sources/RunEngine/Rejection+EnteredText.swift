public import PlaybookLanguage

extension Rejection {
    /// The refusal of a name or a free text that breaks `EnteredText`'s rules.
    public init(_ issue: EnteredText.Issue) {
        switch issue {
        case .nameEmpty: self.init(.nameEmpty)
        case .nameTooLong(let count): self.init(.nameTooLong, ["count": .number(count), "limit": .number(EnteredText.nameLimit)])
        case .nameHiddenCharacter(let code): self.init(.nameHiddenCharacter, ["character": .text(code)])
        case .nameDashFirst: self.init(.nameDashFirst)
        case .nameSpaceAtEdge: self.init(.nameSpaceAtEdge)
        case .textTooLong(let field, let count):
            self.init(.textTooLong, ["field": .text(field.rawValue), "count": .number(count),
                                     "limit": .number(EnteredText.textLimit)])
        case .textControlCharacter(let field, let code):
            self.init(.textControlCharacter, ["field": .text(field.rawValue), "character": .text(code)])
        }
    }

    /// The `EnteredText` issue this refusal is about, for the codes that refuse what a person typed; nil otherwise.
    public var enteredTextIssue: EnteredText.Issue? {
        let field = text("field").flatMap(EnteredText.Field.init(rawValue:)) ?? .note
        let count = number("count") ?? 0
        let character = text("character") ?? "?"
        switch code {
        case .nameEmpty: return .nameEmpty
        case .nameTooLong: return .nameTooLong(count: count)
        case .nameHiddenCharacter: return .nameHiddenCharacter(character)
        case .nameDashFirst: return .nameDashFirst
        case .nameSpaceAtEdge: return .nameSpaceAtEdge
        case .textTooLong: return .textTooLong(field, count: count)
        case .textControlCharacter: return .textControlCharacter(field, character)
        default: return nil
        }
    }
}
