// swift-tools-version:6.0
import PackageDescription

/// Settings shared by every target: Swift 6 language mode (strict concurrency)
/// and `any` spelled out for existentials.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "robin-report",
    platforms: [.macOS(.v15)],  // Synchronization.Mutex
    products: [
        .executable(name: "robin-report", targets: ["robin-report"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // Values passed between the pipeline stages.
        .target(name: "RobinModel", swiftSettings: swiftSettings),
        // Stage 1b: read Robin's CSV exports into compact typed tables.
        // The CSV scanner's 64-byte bit maps in C: SSE2 compare and movemask, which Swift's SIMD cannot express.
        .systemLibrary(name: "CStructure"),
        .target(name: "RobinExports", dependencies: ["RobinModel", "CStructure"], swiftSettings: swiftSettings),
        // Stage 2: every metric of METRICS.md.
        .target(name: "RobinAnalytics", dependencies: ["RobinModel", "RobinExports"], swiftSettings: swiftSettings),
        // Stage 3 (part): SVG charts and inline sparklines, deterministic and escaped.
        .target(name: "RobinCharts", dependencies: ["RobinModel"], swiftSettings: swiftSettings),
        // The configuration file (TOML).
        .target(
            name: "RobinConfig",
            dependencies: ["RobinModel", .product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: swiftSettings
        ),
        // Stage 1a: daily exports from Robin's Analytics API into the local cache.
        .target(
            name: "RobinFetch",
            dependencies: ["RobinModel", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        // A loopback server that behaves like Robin's Analytics API (tests, `simulate`, `demo`).
        .target(
            name: "RobinSimulator",
            dependencies: [
                "RobinModel", "RobinSynthetic",
                .product(name: "FlyingFox", package: "FlyingFox"), .product(name: "FlyingSocks", package: "FlyingFox"),
            ],
            swiftSettings: swiftSettings
        ),
        // libcmark 0.30 (CommonMark -> HTML), as a system library.
        .systemLibrary(name: "CCMark", path: "Sources/CCMark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        // Stage 3b: Markdown escaping, Markdown -> HTML through libcmark (with pipe tables), the HTML page.
        .target(name: "RobinMarkdown", dependencies: ["CCMark", "RobinModel"], swiftSettings: swiftSettings),
        // Stage 3: the report: Mustache Markdown templates, HTML, charts, the output folder and index.
        .target(
            name: "RobinRender",
            dependencies: ["RobinModel", "RobinCharts", "RobinMarkdown", .product(name: "Mustache", package: "swift-mustache")],
            swiftSettings: swiftSettings
        ),
        // The whole pipeline for one report: fetch -> read -> analyze -> render -> write.
        .target(
            name: "RobinPipeline",
            dependencies: ["RobinModel", "RobinExports", "RobinAnalytics", "RobinFetch", "RobinRender"],
            swiftSettings: swiftSettings
        ),
        // `robin-report demo` as a library: the simulator, a synthetic organisation and the report job.
        .target(
            name: "RobinDemo",
            dependencies: [
                "RobinModel", "RobinFetch", "RobinPipeline", "RobinRender", "RobinSimulator", "RobinSynthetic",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // libcurl, for SMTP (Debian: libcurl4-openssl-dev).
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        // Stage 4: deliver a rendered report: email (MIME, SMTP, sendmail) and publish (git).
        // It rebuilds the docs repository's archive index with the renderer's `ReportIndex`.
        .target(name: "RobinDeliver", dependencies: ["RobinModel", "RobinRender", "CCurl"], swiftSettings: swiftSettings),
        // The thin executable: command structs only.
        .executableTarget(
            name: "robin-report",
            dependencies: [
                "RobinModel", "RobinExports", "RobinAnalytics", "RobinConfig", "RobinFetch", "RobinSimulator",
                "RobinSynthetic", "RobinRender", "RobinPipeline", "RobinDemo", "RobinMarkdown", "RobinDeliver",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Helpers shared by the test targets (child processes run off the cooperative pool, temporary
        // folders and files, export CSV builders, golden files).
        .target(name: "RobinTestSupport", dependencies: ["RobinModel"], path: "Tests/RobinTestSupport",
                swiftSettings: swiftSettings),
        // Test data: a deterministic synthetic Robin organisation, and its generator.
        .target(name: "RobinSynthetic", dependencies: ["RobinModel"], swiftSettings: swiftSettings),
        // The CSV scanner alone, for measuring it (`scan-bench FILE...` prints MB/s); not shipped.
        .executableTarget(name: "scan-bench", dependencies: ["RobinExports"], swiftSettings: swiftSettings),
        .executableTarget(
            name: "robin-synth",
            dependencies: [
                "RobinSynthetic", "RobinModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RobinTestSupportTests", dependencies: ["RobinTestSupport", "RobinModel"], swiftSettings: swiftSettings
        ),
        .testTarget(name: "RobinSyntheticTests", dependencies: ["RobinSynthetic", "RobinTestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "RobinExportsTests",
            dependencies: ["RobinExports", "RobinTestSupport", "RobinSynthetic"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RobinReportCLITests",
            dependencies: [
                "RobinModel", "RobinTestSupport", "robin-report",
                // The report job run in-process against the simulator, with a chosen "today".
                "RobinPipeline", "RobinFetch", "RobinRender", "RobinSimulator", "RobinSynthetic",
            ],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RobinMarkdownTests",
            dependencies: ["RobinMarkdown", "RobinTestSupport", "RobinSynthetic"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RobinChartsTests",
            dependencies: ["RobinCharts", "RobinModel", "RobinTestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RobinRenderTests",
            dependencies: [
                "RobinRender", "RobinModel", "RobinAnalytics", "RobinExports", "RobinConfig", "RobinPipeline", "RobinTestSupport",
            ],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RobinPipelineTests",
            dependencies: [
                "RobinPipeline", "RobinModel", "RobinExports", "RobinAnalytics", "RobinRender", "RobinFetch",
                "RobinConfig", "RobinTestSupport", "RobinSynthetic",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RobinDeliverTests",
            dependencies: ["RobinDeliver", "RobinModel", "RobinTestSupport", "robin-report"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RobinConfigTests",
            dependencies: ["RobinConfig", "RobinTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RobinAnalyticsTests",
            dependencies: ["RobinAnalytics", "RobinExports", "RobinConfig", "RobinTestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RobinFetchTests",
            dependencies: [
                "RobinFetch", "RobinSimulator", "RobinModel", "RobinSynthetic", "RobinConfig", "RobinTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
