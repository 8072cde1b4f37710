import PlaybookLanguage

extension Notifier {
    /// The notifier for the runs directory `runsDirectory`: the program `command` names (its words split at
    /// spaces, no shell), else the directory's `notify.yaml`'s, beside its syslog channel; the contact directory
    /// at `contactsPath`, else the file's `contacts:` (relative to the runs directory); a delivery's `timeout`
    /// (a duration such as `5s`), else the file's, else 10 s. `nil` when nothing names a channel.
    ///
    /// - Throws: `RunFailure` when `notify.yaml` or the contact directory cannot be read or is unsafe; a usage
    ///   `RunFailure` when `command` is empty or `timeout` is not a duration.
    public static func configured(runsDirectory: String, command: String?, contactsPath: String?, timeout: String?)
        throws(RunFailure) -> Notifier?
    {
        let configuration = try NotifierFile.load(runsDirectory)?.configuration
        var argv: [String]?
        if let command {
            argv = command.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard argv?.isEmpty == false else { throw RunFailure("--notify-command is empty", isUsage: true) }
        } else {
            argv = configuration?.command
        }
        let syslog = configuration?.syslogSocket
        guard argv != nil || syslog != nil else { return nil }
        var contacts: ContactDirectory?
        let contactsPath = contactsPath
            ?? configuration?.contacts.map { $0.hasPrefix("/") ? $0 : runsDirectory + "/" + $0 }
        if let path = contactsPath { contacts = try NotifierFile.contacts(path) }
        var seconds = Double(configuration?.timeout ?? 10_000) / 1000
        if let timeout {
            guard let milliseconds = Duration.parseFixed(timeout) else {
                throw RunFailure("--notify-timeout takes a duration like 5s, not '\(timeout)'", isUsage: true)
            }
            seconds = Double(milliseconds) / 1000
        }
        var resend: (after: Int64, times: Int)?
        if let after = configuration?.resendAfter, let times = configuration?.resendTimes { resend = (after, times) }
        return Notifier(argv: argv, contacts: contacts, timeout: seconds, syslogSocket: syslog, resend: resend)
    }
}
