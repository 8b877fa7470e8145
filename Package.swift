// swift-tools-version:6.1
import Foundation
import PackageDescription

let package = Package(
    name: "Sitrep",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sitrep", targets: ["sitrep"]),
        .library(name: "SitrepExtract", targets: ["SitrepExtract"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // The HTTP server; its swift-configuration support is not needed.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        // libxml2's HTML and XML parsers, for web pages and feeds.
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        // Shared value types: documents, mentions, dates, errors, JSON output.
        .target(name: "SitrepCore", dependencies: ["CZlib"]),
        // Stage 2: sentences, tokens with byte offsets, paragraphs, quotations.
        .target(name: "SitrepText", dependencies: ["SitrepCore"]),
        // Places: the GeoNames gazetteer, name folding, fuzzy look-up, recognition in text.
        .target(name: "SitrepGazetteer", dependencies: ["SitrepCore", "SitrepText"],
                resources: [.copy("Data")]),
        // Stage 3: actors, dates, speakers.
        .target(name: "SitrepRecognize", dependencies: ["SitrepCore", "SitrepText", "SitrepGazetteer"],
                resources: [.copy("Data")]),
        // Stage 4: event mentions with modality and source.
        .target(name: "SitrepExtract",
                dependencies: ["SitrepCore", "SitrepText", "SitrepGazetteer", "SitrepRecognize"],
                resources: [.copy("Data")]),
        // Stage 1: documents from text, HTML, feeds, JSON Lines, folders, standard input; copies of one story.
        .target(name: "SitrepIngest", dependencies: ["SitrepCore", "CLibXML2"],
                resources: [.copy("Data")]),
        // Stage 5: mentions fused into events, and the control timeline of every place.
        .target(name: "SitrepFuse", dependencies: ["SitrepCore"]),
        // Stage 6: the SQLite store, fusion of mentions into events, the control timeline.
        .target(name: "SitrepStore", dependencies: [
            "SitrepCore", "SitrepGazetteer", "SitrepExtract", "SitrepIngest", "SitrepFuse", .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ], resources: [.copy("Data")]),
        // Stage 6: the situation report (Markdown and self-contained HTML with an SVG map and charts).
        .target(name: "SitrepReport", dependencies: ["SitrepCore", "SitrepFuse", "SitrepStore"],
                resources: [.copy("Data")]),
        // Stage 6: the HTTP API and the live situation page.
        .target(name: "SitrepServer", dependencies: [
            "SitrepCore", "SitrepGazetteer", "SitrepExtract", "SitrepIngest", "SitrepFuse", "SitrepStore", "SitrepReport",
            .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HTTPTypes", package: "swift-http-types"),
        ], resources: [.copy("Data")]),
        // Scoring against gold files (spec/eval.md).
        .target(name: "SitrepEval", dependencies: ["SitrepCore", "SitrepGazetteer", "SitrepExtract", "SitrepFuse"]),
        .executableTarget(name: "sitrep", dependencies: [
            "SitrepCore", "SitrepText", "SitrepGazetteer", "SitrepRecognize", "SitrepExtract", "SitrepIngest",
            "SitrepEval", "SitrepFuse", "SitrepStore", "SitrepReport", "SitrepServer", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "SitrepCoreTests", dependencies: ["SitrepCore"]),
        .testTarget(name: "SitrepTextTests", dependencies: ["SitrepText"]),
        .testTarget(name: "SitrepGazetteerTests", dependencies: ["SitrepGazetteer", "SitrepText"]),
        .testTarget(name: "SitrepExtractTests", dependencies: ["SitrepExtract", "SitrepIngest"]),
        .testTarget(name: "SitrepIngestTests", dependencies: ["SitrepIngest"]),
        .testTarget(name: "SitrepFuseTests", dependencies: ["SitrepFuse", "SitrepExtract", "SitrepIngest"]),
        .testTarget(name: "SitrepStoreTests", dependencies: [
            "SitrepStore", "SitrepIngest", "SitrepExtract", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "SitrepReportTests", dependencies: ["SitrepReport", "SitrepStore", "SitrepIngest", "SitrepExtract"]),
        .testTarget(name: "SitrepServerTests", dependencies: ["SitrepServer", "SitrepStore", "SitrepIngest", "SitrepExtract"]),
        .testTarget(name: "SitrepEvalTests", dependencies: ["SitrepEval", "SitrepIngest", "SitrepExtract", "SitrepFuse"]),
    ],
    swiftLanguageModes: [.v5]
)

// Release builds skip the run-time exclusivity checks: they cost about a tenth of the extractor's time on the
// hot paths, and the debug build (the tests) keeps them.
for target in package.targets where target.type == .regular || target.type == .executable {
    target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
}

// Micro-benchmarks of the hot stages (ordo-one/benchmark, with allocation counts), built only when asked for:
//   SITREP_BENCHMARKS=1 swift package --scratch-path .build-bench --allow-writing-to-package-directory benchmark
// so that the tests and CI do not build the benchmark package.
if ProcessInfo.processInfo.environment["SITREP_BENCHMARKS"] != nil {
    package.dependencies.append(.package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]))
    package.targets.append(.executableTarget(
        name: "HotStages",
        dependencies: ["SitrepCore", "SitrepText", "SitrepGazetteer", "SitrepRecognize", "SitrepExtract",
                       .product(name: "Benchmark", package: "benchmark")],
        path: "Benchmarks/HotStages",
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]))
}
