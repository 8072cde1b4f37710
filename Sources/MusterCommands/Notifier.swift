import Foundation
import JSONText
import PlaybookLanguage
import RunEngine

/// Delivers a run's notifications by running the `--notify-command` as argv (never through a shell), one
/// process per person reached, with the notification and the person's contacts as JSON on stdin.
///
/// A command that fails, or runs past its time limit (it is then killed), counts as a failed delivery; either
/// way the result is journaled and the run goes on.
struct Notifier {
    /// The program and its arguments.
    let argv: [String]
    /// The contact directory, if any.
    let contacts: ContactDirectory?
    /// How long a delivery may take, in seconds.
    let timeout: Double

    /// The notifier an invocation asks for, or `nil` when there is no `--notify-command`.
    static func from(_ invocation: Invocation) throws -> Notifier? {
        guard let command = invocation.arguments.value("--notify-command") ?? invocation.environment["MUSTER_NOTIFY"]
        else { return nil }
        let argv = command.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard !argv.isEmpty else { throw UsageError("--notify-command is empty") }
        var contacts: ContactDirectory?
        if let path = invocation.arguments.value("--contacts") ?? invocation.environment["MUSTER_CONTACTS"] {
            guard case .bytes(let bytes) = FileInput.read(path, limit: 1 << 20) else {
                throw CommandFailure("cannot read the contact directory '\(path)'")
            }
            let checked = ContactDirectory.check(bytes, file: path)
            guard let directory = checked.directory else {
                throw CommandFailure("the contact directory '\(path)' has errors; 'muster check \(path)' lists them")
            }
            contacts = directory
        }
        return Notifier(argv: argv, contacts: contacts, timeout: 10)
    }

    /// Delivers the notifications among `events` to the holders of their roles; returns the journal events of
    /// the results.
    func deliver(_ events: [Event], state: RunState, now: () -> Int64) -> [Event] {
        var results: [Event] = []
        for event in events {
            guard case .notificationRequested(let id, let roles, let message, let step) = event.kind else { continue }
            let people = Array(Set(roles.compactMap { state.holders[$0] })).sorted()
            if people.isEmpty {
                results.append(Event(at: now(), actor: .engine, kind: .notificationFailed(
                    id: id, to: roles.joined(separator: ","), why: "nobody holds \(roles.joined(separator: ", "))")))
            }
            for person in people {
                let payload = payloadJSON(id: id, person: person, roles: roles, message: message, step: step)
                let kind: EventKind
                switch run(input: payload) {
                case .success: kind = .notificationSent(id: id, to: person)
                case .failure(let failure): kind = .notificationFailed(id: id, to: person, why: failure.why)
                }
                results.append(Event(at: now(), actor: .engine, kind: kind))
            }
        }
        return results
    }

    private func payloadJSON(id: String, person: String, roles: [String], message: String, step: String?) -> [UInt8] {
        var contact: JSONObject = ["id": .string(person)]
        if let known = contacts?.person(person) {
            contact["name"] = .string(known.name.text("en"))
            contact["name_zh"] = .string(known.name.text("zh"))
            contact["phone_24h"] = known.phone24h.map(JSONValue.string) ?? .null
            contact["fixed_line"] = known.fixedLine.map(JSONValue.string) ?? .null
            contact["email"] = known.email.map(JSONValue.string) ?? .null
        }
        let object: JSONObject = [
            "id": .string(id), "to": .object(contact), "roles": .array(roles.map { .string($0) }),
            "message": .string(message), "step": step.map(JSONValue.string) ?? .null,
        ]
        return JSONValue.object(object).utf8Bytes + [0x0A]
    }

    private func run(input: [UInt8]) -> Result<Void, DeliveryFailure> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: argv[0])
        process.arguments = Array(argv.dropFirst())
        let stdin = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return .failure(DeliveryFailure(why: "cannot run '\(argv[0])': \(error.localizedDescription)"))
        }
        stdin.fileHandleForWriting.write(Data(input))
        try? stdin.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning {
            process.terminate()
            let grace = Date().addingTimeInterval(1)
            while process.isRunning, Date() < grace { usleep(10_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            return .failure(DeliveryFailure(why: "timed out after \(Int(timeout))s"))
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            return .failure(DeliveryFailure(why: "'\(argv[0])' exited with status \(process.terminationStatus)"))
        }
        return .success(())
    }

    private struct DeliveryFailure: Error {
        var why: String
    }
}
