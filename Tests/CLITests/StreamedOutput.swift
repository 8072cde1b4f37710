import Foundation

/// What a running program prints on one stream, read through a pipe by a thread of its own as it comes.
///
/// A test waits for what it expects (some bytes, a line) or for the stream's end. A wait wakes only when more
/// arrives or the stream ends, never on a timer, and it has a deadline so that a failure ends the test instead of
/// hanging it.
final class StreamedOutput: @unchecked Sendable {
    /// The pipe to give the program as its stdout (or stderr); the program's end is closed here once it runs.
    let pipe = Pipe()
    private let changed = NSCondition()
    private var received: [UInt8] = []
    private var ended = false

    /// Starts reading what the program writes; call it once the program runs.
    func startReading() {
        let descriptor = pipe.fileHandleForReading.fileDescriptor
        Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = read(descriptor, &buffer, buffer.count)
                if count < 0 && errno == EINTR { continue }
                changed.lock()
                if count > 0 { received += buffer[..<count] } else { ended = true }
                changed.broadcast()
                changed.unlock()
                if count <= 0 { return }
            }
        }.start()
    }

    /// Everything read so far.
    var bytes: [UInt8] {
        changed.lock()
        defer { changed.unlock() }
        return received
    }

    /// Everything read so far, as text.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Waits until `holds` is true of what has been read, for at most `seconds`; whether it held. It ends sooner,
    /// false, when the stream ends without it.
    func wait(seconds: Double, until holds: ([UInt8]) -> Bool) -> Bool {
        let deadline = Date(timeIntervalSinceNow: seconds)
        changed.lock()
        defer { changed.unlock() }
        while !holds(received) {
            if ended || !changed.wait(until: deadline) { return holds(received) }
        }
        return true
    }

    /// Waits until every writer has closed the stream (the program ended), for at most `seconds`; whether it did.
    func waitForEnd(seconds: Double) -> Bool {
        let deadline = Date(timeIntervalSinceNow: seconds)
        changed.lock()
        defer { changed.unlock() }
        while !ended {
            if !changed.wait(until: deadline) { return ended }
        }
        return true
    }
}
