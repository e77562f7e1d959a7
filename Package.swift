// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "NewsGraph",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "NewsGraph", targets: ["NewsGraph"]),
        .executable(name: "newsgraph", targets: ["newsgraph"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .target(name: "KnowledgeGraph", resources: [.copy("Resources")]),
        .target(
            name: "EntityRecognition",
            dependencies: ["KnowledgeGraph"],
            resources: [.copy("Resources")]
        ),
        .target(
            name: "RelationExtraction",
            dependencies: ["KnowledgeGraph", "EntityRecognition"],
            resources: [.copy("Resources")]
        ),
        .target(
            name: "GraphStore",
            dependencies: [
                "KnowledgeGraph", .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C interface, for the few inserts a build repeats hundreds of thousands of times.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            resources: [.copy("Resources")]
        ),
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        .target(name: "GraphExport", dependencies: ["KnowledgeGraph", "CGraphviz"]),
        // gzip-compressed articles and news dumps, through the system's zlib.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "NewsGraph",
            dependencies: [
                "KnowledgeGraph", "EntityRecognition", "RelationExtraction", "GraphStore", "GraphExport", "CZlib",
            ]
        ),
        .executableTarget(
            name: "newsgraph",
            dependencies: ["NewsGraph", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "Benchmarks", dependencies: ["NewsGraph"], path: "Benchmarks"),
        .executableTarget(name: "train-relations", dependencies: ["NewsGraph"], path: "Tools/RelationTraining"),
        .executableTarget(name: "NeighborsExample", dependencies: ["NewsGraph"], path: "Examples/NeighborsExample"),
        .testTarget(name: "KnowledgeGraphTests", dependencies: ["KnowledgeGraph"]),
        .testTarget(name: "EntityRecognitionTests", dependencies: ["EntityRecognition"]),
        .testTarget(name: "RelationExtractionTests", dependencies: ["RelationExtraction", "EntityRecognition"]),
        .testTarget(
            name: "GraphStoreTests",
            dependencies: ["GraphStore", "NewsGraph", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "GraphExportTests", dependencies: ["GraphExport"]),
        .testTarget(name: "NewsGraphTests", dependencies: ["NewsGraph"]),
    ],
    swiftLanguageModes: [.v6]
)

// libFuzzer programs, one per check (Fuzz/README.md), only when asked for: `make fuzz` sets
// NEWSGRAPH_FUZZ and builds them with -sanitize=fuzzer,address into their own build folder, so an
// ordinary build or test run neither compiles them nor needs the fuzzer runtime. They use the
// pipeline's modules directly (not NewsGraph, whose store would bring GRDB into that build).
if Context.environment["NEWSGRAPH_FUZZ"] != nil {
    package.targets += [
        .target(name: "FuzzDriver", path: "Fuzz/Driver"),
        .target(name: "FuzzChecks", dependencies: ["KnowledgeGraph", "EntityRecognition", "RelationExtraction", "GraphExport"],
                path: "Fuzz/Checks"),
    ]
    for name in ["Extraction", "DOT", "SVG", "GraphML", "JSON"] {
        package.targets.append(.executableTarget(name: "Fuzz\(name)", dependencies: ["FuzzChecks", "FuzzDriver"],
                                                 path: "Fuzz/Targets/\(name)"))
    }
}
