public import Diagnostics
import YAMLLoading

/// How a runs directory's notifications reach people: `notify.yaml` in the runs directory, so that every command
/// on the ops host delivers them without environment variables.
///
/// ```yaml
/// notify: 1
/// command: [/usr/local/bin/page-someone, --team, ops]   # argv: looked up on PATH, never through a shell
/// timeout: 10s                                          # per delivery, whatever the message's size
/// contacts: contacts.yaml                               # relative to this file
/// syslog: { socket: /dev/log }                          # also an RFC 5424 datagram per delivery
/// resend: { after: 5m, times: 3 }                       # pages nobody acknowledged are sent again
/// ```
public struct NotifierConfiguration: Sendable, Hashable {
    /// The notify command and its arguments.
    public var command: [String]?
    /// How long one delivery may take, in milliseconds.
    public var timeout: Int64?
    /// The contact directory's path, as written (relative paths are relative to the configuration's directory).
    public var contacts: String?
    /// The local syslog socket to send each delivery to as well.
    public var syslogSocket: String?
    /// Pages nobody acknowledged are sent again after this many milliseconds …
    public var resendAfter: Int64?
    /// … at most this many times.
    public var resendTimes: Int?

    public init() {}

    /// The file's name in the runs directory.
    public static let fileName = "notify.yaml"

    /// Whether a file is a notifier configuration (`notify:` as its first key).
    public static func isConfiguration(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes.prefix(4096), as: UTF8.self)
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.drop { $0 == "\u{FEFF}" }
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix("---") { continue }
            return trimmed.hasPrefix("notify:")
        }
        return false
    }

    /// Loads and checks a notifier configuration.
    public static func check(_ bytes: [UInt8], file: String)
        -> (configuration: NotifierConfiguration?, diagnostics: [Diagnostic])
    {
        let loaded = YAMLLoader.load(bytes, file: file)
        guard let root = loaded.root else {
            return (nil, loaded.diagnostics.isEmpty
                ? [.error(LanguageRules.missingField.id, "the notifier configuration is empty", file: file, at: .start)]
                : loaded.diagnostics)
        }
        var reader = NodeReader(file: file)
        var configuration = NotifierConfiguration()
        let keys = ["notify", "command", "timeout", "contacts", "syslog", "resend"]
        if let fields = FieldReader(root, "the notifier configuration", known: keys, reader: &reader) {
            if let format = fields.required("notify", reader: &reader, hint: "start the file with 'notify: 1'"),
                format.scalar?.text != "1"
            {
                reader.error(LanguageRules.unsupportedFormat, "unsupported format 'notify: \(format.scalar?.text ?? "")'",
                             at: format.location, hint: "this version of muster reads 'notify: 1'")
            }
            var decoder = PlaybookDecoder(reader: reader)
            if let node = fields.optional("command") {
                if let items = decoder.reader.sequence(node, "the command") {
                    let words = items.compactMap { decoder.reader.text($0, "a word of the command")?.value }
                    if items.isEmpty {
                        decoder.reader.error(LanguageRules.wrongType, "the command is empty", at: node.location,
                                             hint: "give the program and its arguments, e.g. [page-someone, --team, ops]")
                    } else if words.count == items.count {
                        configuration.command = words
                    }
                }
            }
            configuration.timeout = fields.optional("timeout").flatMap { fixed(&decoder, $0, "the timeout") }
            configuration.contacts = fields.optional("contacts").flatMap { decoder.reader.text($0, "the contacts")?.value }
            if let node = fields.optional("syslog"),
                let syslog = FieldReader(node, "syslog", known: ["socket"], reader: &decoder.reader)
            {
                configuration.syslogSocket = syslog.required("socket", reader: &decoder.reader)
                    .flatMap { decoder.reader.text($0, "the syslog socket")?.value }
            }
            if let node = fields.optional("resend"),
                let resend = FieldReader(node, "resend", known: ["after", "times"], reader: &decoder.reader)
            {
                configuration.resendAfter = resend.required("after", reader: &decoder.reader)
                    .flatMap { fixed(&decoder, $0, "the resend interval") }
                configuration.resendTimes = resend.required("times", reader: &decoder.reader)
                    .flatMap { decoder.reader.integer($0, "the resend count", in: 1...20) }
            }
            if configuration.command == nil, configuration.syslogSocket == nil {
                decoder.reader.error(LanguageRules.missingField, "the notifier configuration has no channel",
                                     at: root.location, hint: "give 'command:', 'syslog:' or both")
            }
            reader = decoder.reader
        }
        let diagnostics = loaded.diagnostics + reader.diagnostics
        return (diagnostics.containsErrors ? nil : configuration, diagnostics)
    }

    /// A fixed length (`10s`, `5m`), not a severity clock.
    private static func fixed(_ decoder: inout PlaybookDecoder, _ node: YAMLNode, _ what: String) -> Int64? {
        guard let text = decoder.reader.text(node, what) else { return nil }
        guard let milliseconds = Duration.parseFixed(text.value), milliseconds > 0 else {
            decoder.reader.error(LanguageRules.badDuration, "\(what) '\(text.value)' is not a length",
                                 at: node.location, hint: "write a length like 10s, 5m or 1h")
            return nil
        }
        return milliseconds
    }
}
