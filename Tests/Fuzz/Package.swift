// swift-tools-version: 6.0
// Fuzz targets for Muster's parsers: libFuzzer executables that link only with `-sanitize=fuzzer`, so they live
// in this package of their own, outside the main package graph. Built and run by `run-campaign.sh`:
//
//     swift build -c release -Xswiftc -sanitize=fuzzer,address --scratch-path /tmp/…
//
// `-parse-as-library` because SwiftPM renames an executable's entry point to `<target>_main` (dashes become
// underscores) and libFuzzer brings its own `main`: each target defines that entry and hands over to
// `LLVMFuzzerRunDriver`.
//
// The main package must offer its libraries as products for this package to use them (SwiftPM lets a package
// depend only on another's products): `YAMLLoading`, `PlaybookLanguage`, `Diagnostics`, `Journaling`,
// `RunEngine`, `Platform` and `Hashing`.
import PackageDescription

let fuzzSettings: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "MusterFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Muster", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "fuzz-loader",
            dependencies: [
                .product(name: "YAMLLoading", package: "Muster"),
                .product(name: "PlaybookLanguage", package: "Muster"),
                .product(name: "Diagnostics", package: "Muster"),
            ],
            swiftSettings: fuzzSettings
        ),
        .executableTarget(
            name: "fuzz-journal",
            dependencies: [
                .product(name: "Journaling", package: "Muster"),
                .product(name: "Platform", package: "Muster"),
                .product(name: "RunEngine", package: "Muster"),
                .product(name: "PlaybookLanguage", package: "Muster"),
                .product(name: "Hashing", package: "Muster"),
            ],
            swiftSettings: fuzzSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
