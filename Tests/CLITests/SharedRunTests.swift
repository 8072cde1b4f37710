import Foundation
import Testing

/// People on the ops host share a run whatever login they act from: the lock and the journal are local there.
/// And a runs directory on a network filesystem, where locks may not hold across machines, is warned about.
@Suite(.serialized) struct SharedRunTests {
    typealias Run = MultiTerminalTests.Run

    @Test func startWarnsWhenTheRunsDirectoryIsOnANetworkFilesystem() throws {
        let directory = try TemporaryDirectory()
        var environment = ["MUSTER_NOW": MultiTerminalTests.now, "MUSTER_RUNS": directory.url.appendingPathComponent("runs").path,
                           "MUSTER_TEST_FSTYPE": "nfs4"]
        let started = try MusterProcess.run(["start", MultiTerminalTests.playbook, "--run-id", "nfs-1"],
                                            in: directory.url, environment: environment)
        #expect(started.status == 0, "a warning, not a refusal: \(started.stderr)")
        #expect(started.stdout == "nfs-1\n", "stdout is still exactly the run id")
        #expect(started.stderr.contains("is on a network filesystem (nfs4)"))
        #expect(started.stderr.contains("POSIX-correct"))
        environment["MUSTER_TEST_FSTYPE"] = "ext4"
        let local = try MusterProcess.run(["start", MultiTerminalTests.playbook, "--run-id", "nfs-2"],
                                          in: directory.url, environment: environment)
        #expect(local.status == 0)
        #expect(!local.stderr.contains("network filesystem"))
    }

    /// Two SSH logins are two sessions, often two accounts in the run's group: here a second process in a new
    /// session, as another user (nobody) whose group is the run's, acts on the run the first one started, and
    /// the first one sees it; the journal stays one chain.
    @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
                   "needs root and setpriv to act as a second user"))
    func aSecondLoginAsAnotherUserOfTheRunsGroupSharesTheRun() throws {
        let run = try Run(id: "shared-1")
        // The test directory itself must let the second user through to the runs directory.
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: run.directory.url.path)
        let group = try #require(FileManager.default.attributesOfItem(
            atPath: run.runs.appendingPathComponent(run.id).path)[.groupOwnerAccountID] as? Int)
        let script = "exec setsid /usr/bin/setpriv --reuid=65534 --regid=\(group) --clear-groups \"$MUSTER\" "
            + "ack shared-1 diagnose --as ben"
        let status = try MultiTerminalTests.bash(script, in: run.directory.url, environment: run.environment)
        #expect(status == 0, "the second login acts on the run")
        let head = run.runs.appendingPathComponent(run.id).appendingPathComponent("journal.head").path
        #expect(try FileManager.default.attributesOfItem(atPath: head)[.ownerAccountID] as? Int == 65534,
                "the write was the second user's own")
        let acknowledged = try run.muster(["ack", run.id, "inspect", "--as", "cid"])
        #expect(acknowledged.status == 0, "and the first acts after it: \(acknowledged.stderr)")
        let verified = try run.muster(["verify", run.id])
        #expect(verified.status == 0, "\(verified.stderr)")
        let log = try run.log()
        let types = log.compactMap { $0["type"]?.stringValue }
        #expect(types.suffix(2) == ["step.acknowledged", "step.acknowledged"])
        MultiTerminalTests.expectGapless(log)
    }
}
