public import Diagnostics
import YAMLLoading

/// Who can be reached, in which roles, and how: the plans' 24-hour contact directory (应急联系人通讯录).
public struct ContactDirectory: Sendable, Hashable {
    /// One person.
    public struct Person: Sendable, Hashable {
        /// The id used on the command line (`--as`, `--assign`).
        public var id: String
        /// The person's name.
        public var name: LocalizedText
        /// The roles the person may hold.
        public var roles: [String]
        /// A phone answered 24 hours a day.
        public var phone24h: String?
        /// A fixed line.
        public var fixedLine: String?
        /// An email address.
        public var email: String?
    }

    /// The people, in file order.
    public var people: [Person]

    /// The person with `id`.
    public func person(_ id: String) -> Person? { people.first { $0.id == id } }

    /// Loads and checks a contact directory file (`contacts: 1` at the top, then `people:`).
    public static func check(_ bytes: [UInt8], file: String) -> (directory: ContactDirectory?, diagnostics: [Diagnostic]) {
        let loaded = YAMLLoader.load(bytes, file: file)
        guard let root = loaded.root else {
            return (nil, loaded.diagnostics.isEmpty
                ? [.error(LanguageRules.missingField.id, "the contact directory is empty", file: file, at: .start)]
                : loaded.diagnostics)
        }
        var reader = NodeReader(file: file)
        var people: [Person] = []
        if let fields = FieldReader(root, "the contact directory", known: ["contacts", "people"], reader: &reader) {
            if let format = fields.required("contacts", reader: &reader, hint: "start the file with 'contacts: 1'"),
                format.scalar?.text != "1"
            {
                reader.error(LanguageRules.unsupportedFormat, "unsupported format 'contacts: \(format.scalar?.text ?? "")'",
                             at: format.location, hint: "this version of muster reads 'contacts: 1'")
            }
            var decoder = PlaybookDecoder(reader: reader)
            if let peopleNode = fields.required("people", reader: &decoder.reader) {
                let entries = decoder.reader.mapping(peopleNode, "people") ?? []
                for (name, value) in entries.compactMap({ entry in
                    decoder.reader.personName(entry.key, "a person in people").map { ($0, entry.value) }
                }) {
                    guard let personFields = FieldReader(
                        value, "person '\(name.value)'", known: ["name", "roles", "phone_24h", "fixed_line", "email"],
                        owner: name.location, reader: &decoder.reader)
                    else { continue }
                    let title = personFields.required("name", reader: &decoder.reader)
                        .flatMap { decoder.localizedText($0, "the name") }
                    let roles = personFields.optional("roles").map { decoder.names($0, "a role") } ?? []
                    let phone = personFields.optional("phone_24h").flatMap { decoder.reader.text($0, "the phone") }
                    let fixed = personFields.optional("fixed_line").flatMap { decoder.reader.text($0, "the fixed line") }
                    let email = personFields.optional("email").flatMap { decoder.reader.text($0, "the email") }
                    if phone == nil, fixed == nil, email == nil {
                        decoder.reader.error(LanguageRules.missingField, "person '\(name.value)' has no way to be reached",
                                             at: name.location, hint: "give phone_24h, fixed_line or email")
                    }
                    people.append(Person(id: name.value, name: title ?? LocalizedText(english: name.value, chinese: name.value),
                                         roles: roles.map(\.value), phone24h: phone?.value, fixedLine: fixed?.value,
                                         email: email?.value))
                }
            }
            reader = decoder.reader
        }
        let diagnostics = loaded.diagnostics + reader.diagnostics
        return (diagnostics.containsErrors ? nil : ContactDirectory(people: people), diagnostics)
    }
}
