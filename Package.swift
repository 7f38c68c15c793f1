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
        .executable(name: "rhythm", targets: ["rhythm"]),
        .library(name: "RhythmCore", targets: ["RhythmCore"]),
        .library(name: "RhythmConfig", targets: ["RhythmConfig"]),
        .library(name: "ICalendar", targets: ["ICalendar"]),
        .library(name: "RhythmStore", targets: ["RhythmStore"]),
        .library(name: "RhythmServer", targets: ["RhythmServer"]),
        .library(name: "RhythmAPI", targets: ["RhythmAPI"]),
        .library(name: "RhythmAgenda", targets: ["RhythmAgenda"]),
        .library(name: "RhythmDelivery", targets: ["RhythmDelivery"]),
        .library(name: "RhythmAnswers", targets: ["RhythmAnswers"]),
        .library(name: "RhythmMail", targets: ["RhythmMail"]),
        .library(name: "RhythmInbound", targets: ["RhythmInbound"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        .target(name: "RhythmCore", swiftSettings: swiftSettings),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(
            name: "RhythmDelivery",
            dependencies: [
                "RhythmCore", "CCurl",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(name: "ICalendar", swiftSettings: swiftSettings),
        .target(name: "RhythmMail", swiftSettings: swiftSettings),
        .target(
            name: "RhythmInbound",
            dependencies: ["RhythmCore", "RhythmMail", "RhythmStore", "ICalendar"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RhythmFeeds",
            dependencies: ["RhythmCore", "ICalendar", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RhythmAgenda",
            dependencies: ["RhythmCore", .product(name: "Mustache", package: "swift-mustache")],
            resources: [.copy("Templates")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RhythmConfig",
            dependencies: ["RhythmCore", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RhythmStore",
            dependencies: [
                "RhythmCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RhythmDaemon",
            dependencies: [
                "RhythmAPI", "RhythmAgenda", "RhythmAnswers", "RhythmConsole", "RhythmCore", "RhythmConfig",
                "RhythmDelivery", "RhythmFeeds", "RhythmInbound", "RhythmMail",
                "RhythmStore",
                "RhythmServer", "ICalendar", "CConcurrencyHook",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(name: "CConcurrencyHook"),
        .target(
            name: "RhythmCLI",
            dependencies: [
                "RhythmDaemon", "RhythmFeeds", "RhythmAgenda", "RhythmAnswers",
                "RhythmCore", "RhythmConfig", "RhythmDelivery", "RhythmStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RhythmServer",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RhythmAPI",
            dependencies: [
                "RhythmCore", "RhythmStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            resources: [.copy("openapi.json")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RhythmAnswers",
            dependencies: [
                "RhythmCore", "RhythmDelivery", "RhythmStore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RhythmConsole",
            dependencies: [
                "RhythmAgenda", "RhythmCore", "RhythmDelivery", "RhythmStore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "rhythm",
            dependencies: [
                "RhythmCLI", "RhythmDaemon", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "rhythm-benchmark",
            dependencies: [
                "RhythmCore", "RhythmFeeds", "ICalendar", "RhythmAgenda", "RhythmStore", "RhythmConfig",
                "RhythmConsole", "RhythmTestSupport",
            ],
            swiftSettings: swiftSettings),
        .target(
            name: "RhythmTestSupport", dependencies: ["RhythmCore", "RhythmStore"], path: "Tests/RhythmTestSupport",
            exclude: ["Scripts"], swiftSettings: swiftSettings),
        .testTarget(name: "RhythmCoreTests", dependencies: ["RhythmCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "RhythmDaemonTests",
            dependencies: [
                "RhythmDaemon", "RhythmAgenda", "RhythmConfig", "RhythmCore", "RhythmDelivery", "RhythmStore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RhythmDeliveryTests",
            dependencies: [
                "RhythmDelivery", "RhythmCore", "RhythmTestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            exclude: ["Scripts", "Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ICalendarTests",
            dependencies: ["ICalendar"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RhythmMailTests",
            dependencies: ["RhythmMail"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RhythmInboundTests",
            dependencies: ["RhythmInbound", "RhythmCore", "RhythmMail", "RhythmStore"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RhythmFeedsTests",
            dependencies: ["RhythmFeeds", "RhythmCore", "ICalendar"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RhythmAgendaTests",
            dependencies: ["RhythmAgenda", "RhythmCore"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RhythmConfigTests",
            dependencies: ["RhythmConfig", "RhythmCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RhythmStoreTests",
            dependencies: ["RhythmStore", "RhythmCore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RhythmCLITests",
            dependencies: [
                "RhythmCLI", "RhythmConfig", "RhythmConsole", "RhythmCore", "RhythmStore", "RhythmTestSupport",
                "rhythm",
            ],
            exclude: ["Scripts"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RhythmServerTests",
            dependencies: [
                "RhythmServer",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RhythmWebhookTests",
            dependencies: [
                "RhythmDelivery", "RhythmCore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            exclude: ["Scripts", "Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RhythmAPITests",
            dependencies: [
                "RhythmAPI", "RhythmCore", "RhythmServer", "RhythmStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RhythmAnswersTests",
            dependencies: [
                "RhythmAnswers", "RhythmCore", "RhythmDelivery", "RhythmServer", "RhythmStore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RhythmConsoleTests",
            dependencies: [
                "RhythmConsole", "RhythmAgenda", "RhythmCore", "RhythmStore",
                "RhythmConfig", "RhythmTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
