// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Muster",
    products: [
        .executable(name: "muster", targets: ["muster"]),
        .executable(name: "muster-bench", targets: ["muster-bench"]),
        // The libraries the fuzz targets in Tests/Fuzz (a package of their own) are built against.
        .library(name: "Hashing", targets: ["Hashing"]),
        .library(name: "Diagnostics", targets: ["Diagnostics"]),
        .library(name: "YAMLLoading", targets: ["YAMLLoading"]),
        .library(name: "PlaybookLanguage", targets: ["PlaybookLanguage"]),
        .library(name: "RunEngine", targets: ["RunEngine"]),
        .library(name: "Journaling", targets: ["Journaling"]),
        .library(name: "Platform", targets: ["Platform"]),
        .library(name: "CommandSyntax", targets: ["CommandSyntax"]),
    ],
    targets: [
        // The only C in the package: libyaml, found through pkg-config.
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),

        // Small leaf libraries written here instead of taken from packages.
        .target(name: "Hashing"),
        // Every system call: files behind one seam, and the fault-injection point of the tests (`FaultyFiles`),
        // whole-file reads, directories, the standard streams, clocks and sleeping, child processes, datagrams. The
        // only importer of Glibc among the libraries (Muster is for Linux; this is the module a port would change).
        .target(name: "Platform"),
        .target(name: "JSONText"),

        // Source locations, diagnostics and their text / JSON / SARIF renderings.
        .target(name: "Diagnostics", dependencies: ["JSONText"]),
        // Text -> node tree with 1-based locations and limits; the only importer of CYAML.
        .target(name: "YAMLLoading", dependencies: ["CYAML", "Diagnostics"]),
        // The typed playbook, its decoding from nodes and its validation.
        .target(name: "PlaybookLanguage", dependencies: ["YAMLLoading", "Diagnostics", "JSONText"]),
        // The pure run engine: (playbook, events, command, now) -> events; fold; due timers. No I/O, no clock.
        .target(name: "RunEngine", dependencies: ["PlaybookLanguage", "Diagnostics", "JSONText"]),
        // The append-only, hash-chained, fsync'd journal of a run and its head record, behind a file-operations seam.
        .target(name: "Journaling", dependencies: ["RunEngine", "Platform", "Hashing", "JSONText"]),
        // Every state a run of a playbook can reach, explored with the engine: what `check` proves beyond the graph.
        .target(name: "Exploration", dependencies: ["RunEngine", "PlaybookLanguage", "Diagnostics"]),
        // Reports: pure renderings (Markdown, JSON, HTML) of a replayed run, and TimeText, the one formatter of
        // instants and spans that the reports and the views share (InstantText: instants as typed and in run ids).
        .target(name: "Reporting", dependencies: ["RunEngine", "PlaybookLanguage", "JSONText", "Diagnostics"]),
        // Views: pure renderings for people of a playbook (outline, graph, paper checklist, the starting playbook
        // and scenario) and of runs (board, list, timeline lines, status JSON, notifications, one person's work,
        // statistics, what the commands on runs and a watch say besides their result, a watch's page bell). Values
        // in, text out: no files, no clock, no environment.
        .target(name: "Views", dependencies: ["Diagnostics", "PlaybookLanguage", "RunEngine", "Reporting", "JSONText"]),
        // Drills: scenario injects, scripted players on a virtual clock, evaluation, the after-action report and
        // the drill programme.
        .target(name: "Drills", dependencies: ["RunEngine", "PlaybookLanguage", "Reporting", "JSONText", "Diagnostics"]),
        // The application layer: what a command does with a run. Create it (live, a drill, unattended practice),
        // open it under the journal's lock, fold, fire due timers and a drill's injects, drive the engine, append
        // (or journal the refusal) in one transaction; advance a drill's clock, its staffing, its staff's actions,
        // its rating; verify runs (what verify says) and follow their links, start a linked run, export and list runs, read them all
        // for the statistics; load playbooks and scenarios, check files for `check`; a watcher's wake and the HTML
        // board it writes; a person's inbox, a run's report, its status page and log lines, the journal stream of
        // `log --follow`, the lines a piped watch prints, the names a shell completes; a drill's staff action read
        // from its words, a fault instant and a drill clock's speed from theirs, a new run's id; which notifier a
        // command has, and delivering pending notifications through it (a program, syslog; the runs directory's
        // notify.yaml). Plain inputs (paths, ids, file operations, the instant), errors in English and Chinese; no
        // arguments, no printing.
        .target(
            name: "Runs",
            dependencies: ["RunEngine", "Journaling", "PlaybookLanguage", "Drills", "Platform", "Diagnostics",
                           "JSONText", "Reporting", "Hashing", "YAMLLoading", "Views", "Exploration"]
        ),
        // The syntax of the command line: commands, subcommands, positionals and options as declared, their
        // parsing, the usage lines and shell completion scripts generated from the declarations, the console.
        .target(name: "CommandSyntax", dependencies: ["Diagnostics", "PlaybookLanguage", "Platform"]),
        // The commands: their declarations, flags and environment resolved (MUSTER_TEST_FAULT read), help, exit
        // codes, and the printing of what `Runs` and the pure libraries did (a watcher's loop: printing and sleeping
        // between the wakes `Runs` does). The executable only wires them.
        .target(
            name: "MusterCommands",
            dependencies: [
                "PlaybookLanguage", "YAMLLoading", "Diagnostics", "JSONText", "Hashing", "RunEngine", "Exploration",
                "Platform", "Journaling", "Reporting", "Views", "Drills", "Runs", "CommandSyntax",
            ]
        ),
        // A responder runs one process per command: `swift build -c release --static-swift-stdlib` links the Swift
        // runtime (Foundation and its ICU included) into the executable, which takes a third off a command's start.
        .executableTarget(name: "muster", dependencies: ["MusterCommands"]),
        .executableTarget(
            name: "muster-bench",
            dependencies: [
                "CYAML", "YAMLLoading", "PlaybookLanguage", "Diagnostics", "Hashing", "JSONText", "RunEngine", "Exploration",
                "Journaling", "Drills", "Reporting", "MusterCommands",
            ]
        ),

        .testTarget(name: "HashingTests", dependencies: ["Hashing"]),
        .testTarget(name: "ExplorationTests", dependencies: ["Exploration", "RunEngine", "PlaybookLanguage"]),
        .testTarget(name: "PlatformTests", dependencies: ["Platform"]),
        .testTarget(name: "RunEngineTests", dependencies: ["RunEngine", "PlaybookLanguage", "JSONText", "Reporting"]),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "RunEngine", "PlaybookLanguage", "JSONText"], exclude: ["Goldens", "Fixtures"]),
        .testTarget(name: "ViewsTests", dependencies: ["Views", "RunEngine", "PlaybookLanguage"]),
        .testTarget(name: "JournalingTests", dependencies: ["Journaling", "Platform", "RunEngine", "Hashing"]),
        .testTarget(name: "JSONTextTests", dependencies: ["JSONText"]),
        .testTarget(name: "MusterCommandsTests", dependencies: ["MusterCommands", "CommandSyntax"]),
        .testTarget(
            name: "RunsTests",
            dependencies: ["Runs", "Journaling", "RunEngine", "PlaybookLanguage", "JSONText", "Hashing", "Drills", "Views", "Diagnostics"]),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "YAMLLoadingTests", dependencies: ["YAMLLoading", "Diagnostics"]),
        .testTarget(
            name: "PlaybookLanguageTests", dependencies: ["PlaybookLanguage", "YAMLLoading", "Diagnostics", "Exploration"],
            exclude: ["Fixtures"]),
        .testTarget(name: "ShippedPlaybookTests", dependencies: ["PlaybookLanguage", "RunEngine", "Diagnostics", "YAMLLoading"]),
        // Runs the built `muster` binary; depending on the executable makes sure it is built first.
        .testTarget(name: "CLITests", dependencies: ["muster", "JSONText", "Hashing", "Journaling"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
