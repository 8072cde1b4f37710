import Foundation
import Testing

/// The HTML board on disk and on the wire: `status --format html`, `watch --html DIR` (pages replaced whole, with
/// the run's group bits), `watch --all --html DIR` (a page per run and an index), and a real web server
/// (`python3 -m http.server` on 127.0.0.1) serving the pages while another process writes to the run.
@Suite(.serialized) struct HTMLBoardTests {
    typealias Run = MultiTerminalTests.Run

    static func tool(_ name: String) -> String? {
        ["/usr/bin/" + name, "/bin/" + name, "/usr/local/bin/" + name]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func permissions(_ url: URL) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int)
    }

    @Test func statusPrintsTheBoardAsOnePageOrWritesItWithOut() throws {
        let run = try Run(id: "html-1")
        let printed = try run.muster(["status", run.id, "--format", "html", "--lang", "zh"])
        #expect(printed.status == 0, "\(printed.stderr)")
        #expect(printed.stdout.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-Hans\">"))
        #expect(printed.stdout.contains("<span class=\"owner\">应急总指挥 · ann</span>"))
        #expect(printed.stdout.hasSuffix("</html>\n"))
        let out = run.directory.url.appendingPathComponent("board.html")
        let written = try run.muster(["status", run.id, "--format", "html", "--out", out.path])
        #expect(written.status == 0 && written.stdout.isEmpty, "\(written.stderr)")
        #expect(String(decoding: try Data(contentsOf: out), as: UTF8.self).contains("<html lang=\"en\">"))
        let mistaken = try run.muster(["status", run.id, "--out", out.path])
        #expect(mistaken.status == 2)
        #expect(mistaken.stderr.contains("--out is for --format html"))
    }

    @Test func watchWritesEveryPageWholeWithTheRunsGroupBits() throws {
        let run = try Run(id: "html-2")
        let board = run.directory.url.appendingPathComponent("board")
        let watched = try run.muster(["watch", run.id, "--html", board.path, "--exit-after", "1s"])
        #expect(watched.status == 0, "\(watched.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: board.path).sorted()
        #expect(names == ["index.html", "index.zh.html", "person-ann.html", "person-ann.zh.html", "person-ben.html",
                          "person-ben.zh.html", "person-cid.html", "person-cid.zh.html"],
                "no temporary file is left behind")
        let runMode = try Self.permissions(run.runs.appendingPathComponent(run.id)) & 0o777
        for name in names {
            let page = String(decoding: try Data(contentsOf: board.appendingPathComponent(name)), as: UTF8.self)
            #expect(page.hasPrefix("<!DOCTYPE html>") && page.hasSuffix("</html>\n"), "\(name)")
            #expect(try Self.permissions(board.appendingPathComponent(name)) == 0o600 | (runMode & 0o066), "\(name)")
        }
        let cid = String(decoding: try Data(contentsOf: board.appendingPathComponent("person-cid.html")), as: UTF8.self)
        #expect(cid.contains("Inspect the room"))
        #expect(!cid.contains("Find the cause"), "a person's page shows their own steps")
    }

    @Test func watchAllWritesAPagePerRunAndAnIndex() throws {
        let run = try Run(id: "html-3")
        let second = try run.muster(["start", MultiTerminalTests.playbook, "--run-id", "html-4", "--assign", "commander=ann"])
        #expect(second.status == 0, "\(second.stderr)")
        let board = run.directory.url.appendingPathComponent("all")
        let watched = try run.muster(["watch", "--all", "--html", board.path, "--exit-after", "1s"])
        #expect(watched.status == 0, "\(watched.stderr)")
        let index = String(decoding: try Data(contentsOf: board.appendingPathComponent("index.html")), as: UTF8.self)
        #expect(index.contains("href=\"html-3/index.html\"") && index.contains("href=\"html-4/index.html\""))
        for runID in ["html-3", "html-4"] {
            let page = board.appendingPathComponent(runID).appendingPathComponent("index.zh.html")
            #expect(String(decoding: try Data(contentsOf: page), as: UTF8.self).contains("href=\"../index.zh.html\""))
        }
    }

    @Test(.enabled(if: tool("python3") != nil && tool("curl") != nil,
                   "python3 and curl are needed to serve and fetch the board"))
    func aWebServerServesWholePagesWhileAnotherProcessWrites() throws {
        let run = try Run(id: "html-5")
        let board = run.directory.url.appendingPathComponent("served")
        try FileManager.default.createDirectory(at: board, withIntermediateDirectories: true)
        let watcher = try LogFollowTests.Background(["watch", run.id, "--html", board.path, "--exit-after", "120s"],
                                                    run: run)
        // Port 0: the system picks a free one, which the server says on its first line, once it listens.
        let server = Process()
        server.executableURL = URL(fileURLWithPath: try #require(Self.tool("python3")))
        server.arguments = ["-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", board.path]
        let serverOut = StreamedOutput()
        server.standardOutput = serverOut.pipe
        server.standardError = FileHandle.nullDevice
        try server.run()
        serverOut.startReading()
        defer { server.terminate() }
        func portLine(_ bytes: [UInt8]) -> Substring? {
            String(decoding: bytes, as: UTF8.self).split(separator: "\n").first { $0.contains(" port ") }
        }
        #expect(serverOut.wait(seconds: 30) { portLine($0) != nil }, "the server says its port")
        let line = try #require(portLine(serverOut.bytes))
        let port = line[try #require(line.range(of: " port ")).upperBound...].prefix { $0.isNumber }
        let url = "http://127.0.0.1:\(port)/index.html"
        func fetch() throws -> (status: Int32, body: String) {
            let curl = Process()
            curl.executableURL = URL(fileURLWithPath: try #require(Self.tool("curl")))
            curl.arguments = ["-s", "-f", url]
            let pipe = Pipe()
            curl.standardOutput = pipe
            try curl.run()
            let body = pipe.fileHandleForReading.readDataToEndOfFile()
            curl.waitUntilExit()
            return (curl.terminationStatus, String(decoding: body, as: UTF8.self))
        }
        // The watcher prints the journal's lines once it has written the pages that show them.
        #expect(watcher.waitForOutput(deadline: 30) { !$0.isEmpty }, "the watcher writes the board: \(watcher.errors)")
        #expect(try fetch().status == 0, "the first page is served")
        // A second process writes while the page is fetched again and again: every page is whole.
        let (id, directory, environment) = (run.id, run.directory.url, run.environment)
        let writersDone = DispatchSemaphore(value: 0)
        let writer = Thread {
            _ = LogFollowTests.writeConcurrently(id: id, directory: directory, environment: environment, notes: 5)
            writersDone.signal()
        }
        writer.start()
        var fetched = 0
        repeat {
            guard let page = try? fetch(), page.status == 0 else { continue }
            fetched += 1
            #expect(page.body.hasPrefix("<!DOCTYPE html>") && page.body.hasSuffix("</html>\n"), "a whole page")
        } while writersDone.wait(timeout: .now()) == .timedOut
        // The last note's line, printed once the pages show it.
        let lastNote = 11 + 20
        #expect(watcher.waitForOutput(deadline: 60) { ("\n" + String(decoding: $0, as: UTF8.self)).contains("\n\(lastNote) ") },
                "the watcher saw the last note: \(watcher.errors)")
        let page = try fetch()
        #expect(page.status == 0 && page.body.hasPrefix("<!DOCTYPE html>") && page.body.hasSuffix("</html>\n"),
                "a whole page")
        let sawLastNote = page.body.contains("seq \(lastNote)")
        #expect(sawLastNote, "the page served shows the last write (after \(fetched) fetches): \(watcher.errors)")
        #expect(watcher.stop(SIGKILL))
    }
}

extension HTMLBoardTests {
    @Test func aPersonWhoHandedOverKeepsAPageThatSaysNothingWaits() throws {
        let run = try Run(id: "html-6")
        let board = run.directory.url.appendingPathComponent("board")
        let handed = try run.muster(["handover", run.id, "on_site", "--to", "dan", "--as", "cid"])
        #expect(handed.status == 0, "\(handed.stderr)")
        let watched = try run.muster(["watch", run.id, "--html", board.path, "--exit-after", "1s"])
        #expect(watched.status == 0, "\(watched.stderr)")
        let cid = String(decoding: try Data(contentsOf: board.appendingPathComponent("person-cid.html")), as: UTF8.self)
        #expect(cid.contains("no step waits for you"))
        let dan = String(decoding: try Data(contentsOf: board.appendingPathComponent("person-dan.html")), as: UTF8.self)
        #expect(dan.contains("Inspect the room"))
    }
}
