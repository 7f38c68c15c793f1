// swift-tools-version:6.1
import PackageDescription

/// Settings shared by every target: Swift 6 language mode plus the upcoming features the
/// anchor projects enable, so that `any` and imports stay explicit.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Rhythm",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "RhythmCore", targets: ["RhythmCore"]),
        .library(name: "ICalendar", targets: ["ICalendar"]),
    ],
    targets: [
        .target(name: "RhythmCore", swiftSettings: swiftSettings),
        .executableTarget(name: "rhythm-benchmark", dependencies: ["RhythmCore"], swiftSettings: swiftSettings),
        .testTarget(name: "RhythmCoreTests", dependencies: ["RhythmCore"], swiftSettings: swiftSettings),
        .target(name: "ICalendar", swiftSettings: swiftSettings),
        .testTarget(
            name: "ICalendarTests",
            dependencies: ["ICalendar"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
    ]
)
