import PlaybookLanguage
import Platform
import Reporting

/// The real date of an unattended practice (`drill run`), kept beside its journal in the file `held` and never
/// in it: the journal of the same scenario and run id stays the same byte for byte whenever it is played.
enum PracticeDate {
    /// The name of the file beside the journal.
    static let fileName = "held"

    /// The file's text for the instant `at`: `2026-12-06 09:30:00Z` and a newline.
    static func bytes(_ at: Int64) -> [UInt8] { Array("\(TimeText.instant(at))\n".utf8) }

    /// The instant the file in the run directory `directory` records (to the second), if it has a readable one.
    static func read(in directory: String) -> Int64? {
        guard case .bytes(let bytes) = FileReading.read(directory + "/" + fileName, limit: 256) else { return nil }
        guard let line = String(decoding: bytes, as: UTF8.self).split(separator: "\n").first else { return nil }
        return ScenarioChecker.instant(String(line.map { $0 == " " ? "T" : $0 }))
    }
}
