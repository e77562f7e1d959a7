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
        .target(name: "KnowledgeGraph"),
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
            dependencies: ["KnowledgeGraph", .product(name: "GRDB", package: "GRDB.swift")],
            resources: [.copy("Resources")]
        ),
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        .target(name: "GraphExport", dependencies: ["KnowledgeGraph", "CGraphviz"]),
        .target(
            name: "NewsGraph",
            dependencies: [
                "KnowledgeGraph", "EntityRecognition", "RelationExtraction", "GraphStore", "GraphExport",
            ]
        ),
        .executableTarget(
            name: "newsgraph",
            dependencies: ["NewsGraph", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "Benchmarks", dependencies: ["NewsGraph"], path: "Benchmarks"),
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
